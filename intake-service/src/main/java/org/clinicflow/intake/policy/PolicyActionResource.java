package org.clinicflow.intake.policy;

import static org.clinicflow.web.problem.ProblemException.invalid;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.clinicflow.intake.eligibility.Rule;
import org.clinicflow.intake.eligibility.RuleBooks;
import org.clinicflow.web.problem.Problem;
import org.clinicflow.web.problem.ProblemException;
import org.clinicflow.web.security.ClinicRoles;
import org.clinicflow.web.security.SiteScope;

/**
 * A policy change that acts, for supervisors: every open case a rule touches
 * ({@code GET /api/eligibility/rules/{id}/affected-cases}), a hold or lift over all of them
 * ({@code POST /api/eligibility/rules/{id}/actions}, 202 and a progress URL), and the progress
 * ({@code GET /api/eligibility/actions/{id}}). Tested by {@code PolicyActionTest}.
 */
@Path("/api/eligibility")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(ClinicRoles.SUPERVISOR)
public class PolicyActionResource {

    private static final int MOST_LISTED = 1_000;

    private final RuleBooks books;
    private final AffectedCases affected;
    private final PolicyActions actions;
    private final SiteScope scope;

    PolicyActionResource(RuleBooks books, AffectedCases affected, PolicyActions actions, SiteScope scope) {
        this.books = books;
        this.affected = affected;
        this.actions = actions;
        this.scope = scope;
    }

    /** An open case a rule touches. */
    public record AffectedCase(UUID id, String siteId, String category, String stage, String holdReason) {
    }

    /** How many open cases a rule touches, and the first of them, oldest first. */
    public record Affected(String ruleId, long count, List<AffectedCase> cases) {
    }

    @GET
    @Path("/rules/{id}/affected-cases")
    public Affected affected(@PathParam("id") String id) {
        Rule rule = rule(id);
        List<AffectedCase> cases = affected.list(rule, MOST_LISTED).stream()
                .map(a -> new AffectedCase(a.id, a.siteId, a.category, a.stageCode, a.holdReason)).toList();
        return new Affected(rule.id(), affected.count(rule, null), cases);
    }

    /** What to do to every affected case, and why (shown to caseworkers on each case). */
    public record ActionRequest(String action, String reason) {
    }

    /** An action's progress. */
    public record ActionView(UUID id, String ruleId, String action, String reason, String status, int total, int processed,
            int changed, String requestedBy, Instant requestedAt, Instant finishedAt) {
        static ActionView of(PolicyAction p) {
            return new ActionView(p.id, p.ruleId, p.action, p.reason, p.status, p.total, p.processed, p.changed,
                    p.requestedBy, p.requestedAt, p.finishedAt);
        }
    }

    @POST
    @Path("/rules/{id}/actions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response act(@PathParam("id") String id, ActionRequest request) {
        Rule rule = rule(id);
        String action = request == null ? null : request.action();
        if (!PolicyAction.HOLD.equals(action) && !PolicyAction.LIFT.equals(action)) {
            throw invalid("action", "is required: hold or lift");
        }
        String reason = request.reason() == null ? "" : request.reason().trim();
        if (PolicyAction.HOLD.equals(action) && (reason.length() < 3 || reason.length() > 200)) {
            throw invalid("reason", "is required for a hold: 3 to 200 characters caseworkers will read on each case");
        }
        PolicyAction started = actions.submit(rule, action, reason.isEmpty() ? "lifted" : reason, scope.actor());
        return Response.accepted(ActionView.of(started)).location(URI.create("/api/eligibility/actions/" + started.id)).build();
    }

    @GET
    @Path("/actions/{id}")
    @Transactional
    public ActionView progress(@PathParam("id") String id) {
        PolicyAction p;
        try {
            p = PolicyAction.findById(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            p = null;
        }
        if (p == null) {
            throw new ProblemException(Problem.of(Response.Status.NOT_FOUND, "not-found", "No policy action " + id));
        }
        return ActionView.of(p);
    }

    @GET
    @Path("/rules/{id}/actions")
    @Transactional
    public List<ActionView> ofRule(@PathParam("id") String id) {
        rule(id);
        return PolicyAction.<PolicyAction>list("ruleId = ?1 order by requestedAt desc", id).stream().map(ActionView::of).toList();
    }

    private Rule rule(String id) {
        return books.current().byId(id).orElseThrow(() -> new ProblemException(
                Problem.of(Response.Status.NOT_FOUND, "not-found", "No rule " + id + " in the rule book")));
    }
}
