package org.clinicflow.document.checklist;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clinicflow.web.problem.Problem;
import org.clinicflow.web.problem.ProblemException;
import org.clinicflow.web.security.ClinicRoles;
import org.clinicflow.web.security.SiteScope;

/**
 * The checklist API: {@code GET /api/applicants/{id}/checklist} and
 * {@code PUT /api/applicants/{id}/documents/{type}} (verify, reject with a reason code, mark
 * not applicable, or, for a supervisor, waive), {@code PUT /api/applicants/{id}/documents} (several
 * checks in one save, all or nothing), plus {@code GET /api/checklist-templates} for
 * labels and reason codes. Caseworkers reach their own site's applicants only. Tested by
 * {@code ChecklistTest} on the real database and broker.
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(ClinicRoles.CASEWORKER)
public class ChecklistResource {

    private final ChecklistService service;
    private final ChecklistTemplates templates;
    private final SiteScope scope;

    ChecklistResource(ChecklistService service, ChecklistTemplates templates, SiteScope scope) {
        this.service = service;
        this.templates = templates;
        this.scope = scope;
    }

    /** A checklist as caseworkers see it. */
    public record ChecklistView(UUID applicantId, boolean ready, boolean withdrawn, String category, String siteId,
            String templateVersion, List<ItemView> items) {
    }

    /** One item: its type and label, whether it is required, and its last check. */
    public record ItemView(String type, String label, boolean required, boolean mayBeNotApplicable, ItemStatus status,
            String reason, String note, String checkedBy, Instant checkedAt) {
    }

    @GET
    @Path("/applicants/{id}/checklist")
    @Transactional
    public ChecklistView checklist(@PathParam("id") String id) {
        Checklist checklist = visible(id, LockModeType.NONE);
        return view(checklist, ChecklistService.items(checklist.applicantId));
    }

    /** One item checked; answers with the whole checklist, readiness included. One transaction. */
    @PUT
    @Path("/applicants/{id}/documents/{type}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public ChecklistView check(@PathParam("id") String id, @PathParam("type") String type, ChecklistService.Check check) {
        if (check == null) {
            throw new ProblemException(Problem.invalid(List.of(new Problem.FieldError("status", "is required"))));
        }
        Checklist checklist = visible(id, LockModeType.PESSIMISTIC_WRITE);
        return view(checklist, service.check(checklist, type, check, scope.actor(), scope.isSupervisor()));
    }

    /** The papers an applicant brought, checked in one save: {@code {"checks": [{"type", "status", "reason", "note"}]}}. */
    public record Checks(List<ChecklistService.TypedCheck> checks) {
    }

    @PUT
    @Path("/applicants/{id}/documents")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public ChecklistView checkAll(@PathParam("id") String id, Checks body) {
        Checklist checklist = visible(id, LockModeType.PESSIMISTIC_WRITE);
        return view(checklist, service.checkAll(checklist, body == null ? null : body.checks(), scope.actor(),
                scope.isSupervisor()));
    }

    private ChecklistView view(Checklist checklist, Collection<ChecklistItem> checklistItems) {
        List<String> order = List.copyOf(templates.labels().keySet());
        List<ItemView> items = checklistItems.stream()
                .sorted(Comparator.comparing((ChecklistItem i) -> !i.required).thenComparing(i -> order.indexOf(i.type)))
                .map(i -> new ItemView(i.type, templates.labels().get(i.type), i.required, i.mayBeNotApplicable, i.status,
                        i.reason, i.note, i.checkedBy, i.checkedAt))
                .toList();
        return new ChecklistView(checklist.applicantId, checklist.ready, checklist.withdrawn, checklist.category,
                checklist.siteId, checklist.templateVersion, items);
    }

    @GET
    @Path("/checklist-templates")
    public Map<String, Object> templates() {
        return Map.of("labels", templates.labels(), "reasonCodes", templates.reasonCodes().stream().sorted().toList());
    }

    /**
     * The checklist if the caller may see it. Checks lock its row first: two saves for one applicant
     * (two desks, two tabs) then run one after the other, the second reading what the first
     * committed, so readiness is judged on every check and neither fails on the row's version.
     */
    private Checklist visible(String id, LockModeType lock) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw notFound(id);
        }
        Checklist checklist = Checklist.findById(uuid, lock);
        if (checklist == null || !scope.maySee(checklist.siteId)) {
            throw notFound(id);
        }
        return checklist;
    }

    static ProblemException notFound(String id) {
        return new ProblemException(Problem.about(Response.Status.NOT_FOUND, "not-found", "applicantId",
                "no checklist for applicant " + id + " that you can see (it opens when intake registers the applicant)"));
    }
}
