package org.clinicflow.document.checklist;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.clinicflow.document.audit.DocumentAudit;
import org.clinicflow.events.documents.ChecklistOpenedV1;
import org.clinicflow.events.documents.DocumentRejectedV1;
import org.clinicflow.events.documents.DocumentVerifiedV1;
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
        if (!checklist.isPersistent()) {
            checklist.templateVersion = template.version();
            checklist.persist();
        }
        if (replan) {
            plan(checklist, template);
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

    @Transactional
    public void check(UUID applicantId, String type, Check check, String actor, boolean supervisor) {
        Checklist checklist = Checklist.findById(applicantId);
        ChecklistItem item = ChecklistItem.findById(new ChecklistItem.Key(applicantId, type));
        if (checklist == null || item == null) {
            throw new ProblemException(Problem.of(Response.Status.NOT_FOUND, "not-found",
                    "No document " + type + " on this applicant's checklist."));
        }
        validate(check, item, supervisor);
        if (checklist.withdrawn) {
            throw new ProblemException(Problem.of(Response.Status.CONFLICT, "case-closed", "The applicant has withdrawn."));
        }
        String note = check.note() == null || check.note().isBlank() ? null : check.note().trim();
        if (item.status == check.status() && Objects.equals(item.reason, check.reason()) && Objects.equals(item.note, note)) {
            return; // the same check again (a double click): nothing new to announce
        }
        Instant now = Instant.now();
        item.status = check.status();
        item.reason = check.status() == ItemStatus.REJECTED ? check.reason() : null;
        item.note = note;
        item.checkedBy = actor;
        item.checkedAt = now;
        audit.record(applicantId, actor, "check", type, check.status().code() + (item.reason == null ? "" : ":" + item.reason));
        switch (check.status()) {
            case VERIFIED, WAIVED -> outbox.publish(new DocumentVerifiedV1(applicantId, type,
                    check.status() == ItemStatus.WAIVED, actor, now));
            case REJECTED -> outbox.publish(new DocumentRejectedV1(applicantId, type, item.reason, actor, now));
            default -> {
            }
        }
        checklist.updatedAt = now;
        updateReadiness(checklist);
    }

    private void validate(Check check, ChecklistItem item, boolean supervisor) {
        if (check.status() == null) {
            throw invalid("status", "is required: verified, rejected, waived, not_applicable or pending");
        }
        if (check.status() == ItemStatus.REJECTED && (check.reason() == null || !templates.reasonCodes().contains(check.reason()))) {
            throw invalid("reason", "is required for a rejection: one of "
                    + templates.reasonCodes().stream().sorted().collect(Collectors.joining(", ")));
        }
        if (check.status() == ItemStatus.WAIVED && !supervisor) {
            throw new ProblemException(Problem.of(Response.Status.FORBIDDEN, "supervisor-only", "Only a supervisor can waive a document."));
        }
        if (check.status() == ItemStatus.NOT_APPLICABLE && !item.mayBeNotApplicable) {
            throw invalid("status", "this document cannot be marked not applicable");
        }
        if (check.note() != null && check.note().length() > 500) {
            throw invalid("note", "must be at most 500 characters");
        }
    }

    /** Brings the items in line with the template, keeping every check already made. */
    private void plan(Checklist checklist, ChecklistTemplates.Template template) {
        List<ChecklistTemplates.PlannedItem> planned = templates.plan(template, checklist.priorEad, checklist.feeWaiverClaimed);
        Map<String, ChecklistItem> existing = items(checklist.applicantId).stream()
                .collect(Collectors.toMap(i -> i.type, Function.identity()));
        existing.values().forEach(item -> item.required = false);
        for (ChecklistTemplates.PlannedItem p : planned) {
            ChecklistItem item = existing.get(p.type());
            if (item == null) {
                item = new ChecklistItem();
                item.applicantId = checklist.applicantId;
                item.type = p.type();
                item.status = ItemStatus.PENDING;
                item.persist();
            }
            item.required = p.required();
            item.mayBeNotApplicable = p.mayBeNotApplicable();
        }
        checklist.templateVersion = template.version();
        outbox.publish(new ChecklistOpenedV1(checklist.applicantId, checklist.category, template.version(),
                planned.stream().map(ChecklistTemplates.PlannedItem::type).toList(), Instant.now()));
        updateReadiness(checklist);
    }

    private void updateReadiness(Checklist checklist) {
        boolean ready = items(checklist.applicantId).stream().filter(i -> i.required).allMatch(i -> i.status.settles());
        if (ready && !checklist.ready && !checklist.withdrawn) {
            outbox.publish(new DocumentsReadyV1(checklist.applicantId, checklist.householdId, checklist.siteId,
                    checklist.preferredLanguage, Instant.now()));
        }
        checklist.ready = ready;
    }

    public static List<ChecklistItem> items(UUID applicantId) {
        return ChecklistItem.list("applicantId", applicantId);
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(Problem.invalid(List.of(new Problem.FieldError(field, message))));
    }

    @Produces
    @Singleton
    static ChecklistTemplates templates() {
        return ChecklistTemplates.bundled();
    }
}
