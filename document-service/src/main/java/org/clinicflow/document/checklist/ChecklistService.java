package org.clinicflow.document.checklist;

import static org.clinicflow.web.problem.ProblemException.invalid;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.clinicflow.document.audit.DocumentAudit;
import org.clinicflow.events.documents.ChecklistOpenedV1;
import org.clinicflow.events.documents.DocumentRejectedV1;
import org.clinicflow.events.documents.DocumentsCheckedV1;
import org.clinicflow.events.documents.DocumentsReadyV1;
import org.clinicflow.messaging.outbox.Outbox;
import org.clinicflow.web.problem.Problem;
import org.clinicflow.web.problem.ProblemException;

/**
 * Keeps each applicant's checklist: opens it from the category's template when intake
 * registers the applicant, re-plans it when the category (or a prior EAD, or a waiver claim)
 * changes without losing checks already made, records caseworkers' checks, and announces
 * readiness: "documents ready" when every required item is verified, waived or not applicable;
 * "document rejected" (with its reason code) on a rejection, which also withdraws readiness.
 * Tested by {@code ChecklistTest} on the real database and broker.
 */
@ApplicationScoped
public class ChecklistService {

    private final ChecklistTemplates templates;
    private final Outbox outbox;
    private final DocumentAudit.Log audit;

    ChecklistService(ChecklistTemplates templates, Outbox outbox, DocumentAudit.Log audit) {
        this.templates = templates;
        this.outbox = outbox;
        this.audit = audit;
    }

    /** What an applicant's registration or correction says that the checklist depends on. */
    public record ApplicantFacts(UUID applicantId, UUID householdId, String siteId, String category,
            String preferredLanguage, boolean priorEad, boolean feeWaiverClaimed) {
    }

    /** Opens the checklist, or brings an existing one up to date (redelivery, out-of-order updates). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applicantChanged(ApplicantFacts facts) {
        Checklist checklist = Checklist.findById(facts.applicantId());
        Instant now = Instant.now();
        boolean replan;
        if (checklist == null) {
            checklist = new Checklist();
            checklist.applicantId = facts.applicantId();
            checklist.openedAt = now;
            replan = true;
        } else {
            replan = !Objects.equals(checklist.category, facts.category()) || checklist.priorEad != facts.priorEad()
                    || checklist.feeWaiverClaimed != facts.feeWaiverClaimed();
        }
        checklist.householdId = facts.householdId();
        checklist.siteId = facts.siteId();
        checklist.category = facts.category();
        checklist.preferredLanguage = facts.preferredLanguage();
        checklist.priorEad = facts.priorEad();
        checklist.feeWaiverClaimed = facts.feeWaiverClaimed();
        checklist.updatedAt = now;
        ChecklistTemplates.Template template = templates.forCategory(facts.category()).orElseThrow(
                () -> new IllegalStateException("no checklist template for category " + facts.category()));
        boolean opened = !checklist.isPersistent();
        if (opened) {
            checklist.templateVersion = template.version();
            checklist.persist();
        }
        if (replan) {
            // A checklist opened just now has no items yet: asking the database would only cost a
            // flush of the whole batch's session before the query (consumers apply up to 200 events at once).
            plan(checklist, template, opened ? new HashMap<>() : itemsByType(checklist.applicantId));
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void applicantWithdrawn(UUID applicantId) {
        Checklist checklist = Checklist.findById(applicantId);
        if (checklist != null) {
            checklist.withdrawn = true;
            checklist.updatedAt = Instant.now();
        }
    }

    /** A caseworker's check of one item. */
    public record Check(ItemStatus status, String reason, String note) {
    }

    /** One item's check within a checklist saved at once. */
    public record TypedCheck(String type, ItemStatus status, String reason, String note) {

        Check check() {
            return new Check(status, reason, note);
        }
    }

    /**
     * One check of {@code checklist}, which the caller loaded with its row locked (see {@code ChecklistResource});
     * answers the checklist's items as they now stand.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Collection<ChecklistItem> check(Checklist checklist, String type, Check check, String actor, boolean supervisor) {
        UUID applicantId = checklist.applicantId;
        Map<String, ChecklistItem> items = itemsByType(applicantId);
        ChecklistItem item = items.get(type);
        if (item == null) {
            throw new ProblemException(Problem.of(Response.Status.NOT_FOUND, "not-found",
                    "No document " + type + " on this applicant's checklist."));
        }
        List<Problem.FieldError> errors = validate(check, item, supervisor, "");
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.invalid(errors));
        }
        refuseIfWithdrawn(checklist);
        List<DocumentsCheckedV1.CheckedDocument> checked = new ArrayList<>();
        if (record(applicantId, item, check, actor, checked)) {
            announce(applicantId, checked, actor);
            checklist.updatedAt = Instant.now();
            updateReadiness(checklist, items.values());
        }
        return items.values();
    }

    /**
     * Several checks saved at once, the way a caseworker goes through the papers an applicant
     * brought: all or nothing, every invalid check named by its position ({@code checks[2].reason}),
     * and readiness judged once, after the last. The caller loaded {@code checklist} with its row
     * locked, as for a single check. Answers the checklist's items as they now stand, so the answer
     * to the save need not ask the database again (that query would flush the save first).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Collection<ChecklistItem> checkAll(Checklist checklist, List<TypedCheck> checks, String actor, boolean supervisor) {
        UUID applicantId = checklist.applicantId;
        if (checks == null || checks.isEmpty()) {
            throw invalid("checks", "must name at least one document");
        }
        Map<String, ChecklistItem> items = itemsByType(applicantId);
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < checks.size(); i++) {
            TypedCheck check = checks.get(i);
            String at = "checks[" + i + "].";
            ChecklistItem item = check == null ? null : items.get(check.type());
            if (item == null) {
                errors.add(new Problem.FieldError(at + "type", "is not a document on this applicant's checklist"));
            } else if (!seen.add(check.type())) {
                errors.add(new Problem.FieldError(at + "type", "is checked twice in one save"));
            } else {
                errors.addAll(validate(check.check(), item, supervisor, at));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.invalid(errors));
        }
        refuseIfWithdrawn(checklist);
        boolean changed = false;
        List<DocumentsCheckedV1.CheckedDocument> checked = new ArrayList<>();
        for (TypedCheck check : checks) {
            changed |= record(applicantId, items.get(check.type()), check.check(), actor, checked);
        }
        announce(applicantId, checked, actor);
        if (changed) {
            checklist.updatedAt = Instant.now();
            updateReadiness(checklist, items.values());
        }
        return items.values();
    }

    /**
     * Records one valid check; a verified or waived item joins {@code checked}, announced once for
     * the save ({@link #announce}), a rejection is announced at once. False when it repeats the
     * item's last check (a double click).
     */
    private boolean record(UUID applicantId, ChecklistItem item, Check check, String actor,
            List<DocumentsCheckedV1.CheckedDocument> checked) {
        String note = check.note() == null || check.note().isBlank() ? null : check.note().trim();
        String reason = check.status() == ItemStatus.REJECTED ? check.reason() : null;
        if (item.status == check.status() && Objects.equals(item.reason, reason) && Objects.equals(item.note, note)) {
            return false;
        }
        Instant now = Instant.now();
        item.status = check.status();
        item.reason = reason;
        item.note = note;
        item.checkedBy = actor;
        item.checkedAt = now;
        audit.record(applicantId, actor, "check", item.type, check.status().code() + (reason == null ? "" : ":" + reason));
        switch (check.status()) {
            case VERIFIED, WAIVED -> checked.add(new DocumentsCheckedV1.CheckedDocument(item.type,
                    check.status() == ItemStatus.WAIVED));
            case REJECTED -> outbox.publish(new DocumentRejectedV1(applicantId, item.type, reason, actor, now));
            default -> {
            }
        }
        return true;
    }

    /** One event for the items a save verified or waived (none: nothing to announce). */
    private void announce(UUID applicantId, List<DocumentsCheckedV1.CheckedDocument> checked, String actor) {
        if (!checked.isEmpty()) {
            outbox.publish(new DocumentsCheckedV1(applicantId, checked, actor, Instant.now()));
        }
    }

    private static void refuseIfWithdrawn(Checklist checklist) {
        if (checklist.withdrawn) {
            throw new ProblemException(Problem.of(Response.Status.CONFLICT, "case-closed", "The applicant has withdrawn."));
        }
    }

    /** What is wrong with one check, its fields named after {@code at}; a waiver by a caseworker is refused outright. */
    private List<Problem.FieldError> validate(Check check, ChecklistItem item, boolean supervisor, String at) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (check.status() == null) {
            errors.add(new Problem.FieldError(at + "status", "is required: verified, rejected, waived, not_applicable or pending"));
            return errors;
        }
        if (check.status() == ItemStatus.REJECTED && (check.reason() == null || !templates.reasonCodes().contains(check.reason()))) {
            errors.add(new Problem.FieldError(at + "reason", "is required for a rejection: one of "
                    + templates.reasonCodes().stream().sorted().collect(Collectors.joining(", "))));
        }
        if (check.status() == ItemStatus.WAIVED && !supervisor) {
            throw new ProblemException(Problem.of(Response.Status.FORBIDDEN, "supervisor-only", "Only a supervisor can waive a document."));
        }
        if (check.status() == ItemStatus.NOT_APPLICABLE && !item.mayBeNotApplicable) {
            errors.add(new Problem.FieldError(at + "status", "this document cannot be marked not applicable"));
        }
        if (check.note() != null && check.note().length() > 500) {
            errors.add(new Problem.FieldError(at + "note", "must be at most 500 characters"));
        }
        return errors;
    }

    /** Brings the items in line with the template, keeping every check already made ({@code existing}, by type). */
    private void plan(Checklist checklist, ChecklistTemplates.Template template, Map<String, ChecklistItem> existing) {
        List<ChecklistTemplates.PlannedItem> planned = templates.plan(template, checklist.priorEad, checklist.feeWaiverClaimed);
        existing.values().forEach(item -> item.required = false);
        for (ChecklistTemplates.PlannedItem p : planned) {
            ChecklistItem item = existing.get(p.type());
            boolean added = item == null;
            if (added) {
                item = new ChecklistItem();
                item.applicantId = checklist.applicantId;
                item.type = p.type();
                item.status = ItemStatus.PENDING;
                existing.put(p.type(), item);
            }
            item.required = p.required();
            item.mayBeNotApplicable = p.mayBeNotApplicable();
            if (added) {
                // Persisted once complete: set after persist(), the two flags cost every new item an UPDATE.
                item.persist();
            }
        }
        checklist.templateVersion = template.version();
        outbox.publish(new ChecklistOpenedV1(checklist.applicantId, checklist.category, template.version(),
                planned.stream().map(ChecklistTemplates.PlannedItem::type).toList(), Instant.now()));
        updateReadiness(checklist, existing.values());
    }

    /** Judges readiness over the checklist's items, all of them already in hand (new ones included). */
    private void updateReadiness(Checklist checklist, Collection<ChecklistItem> items) {
        boolean ready = items.stream().filter(i -> i.required).allMatch(i -> i.status.settles());
        if (ready && !checklist.ready && !checklist.withdrawn) {
            outbox.publish(new DocumentsReadyV1(checklist.applicantId, checklist.householdId, checklist.siteId,
                    checklist.preferredLanguage, Instant.now()));
        }
        checklist.ready = ready;
    }

    public static List<ChecklistItem> items(UUID applicantId) {
        return ChecklistItem.list("applicantId", applicantId);
    }

    private static Map<String, ChecklistItem> itemsByType(UUID applicantId) {
        return items(applicantId).stream().collect(Collectors.toMap(i -> i.type, Function.identity(), (a, b) -> a, HashMap::new));
    }


    @Produces
    @Singleton
    static ChecklistTemplates templates() {
        return ChecklistTemplates.bundled();
    }
}
