package org.clinicflow.intake.eligibility;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.clinicflow.intake.applicant.Applicant;
import org.clinicflow.web.problem.Problem;
import org.clinicflow.web.problem.ProblemException;
import org.clinicflow.web.security.ClinicRoles;

/**
 * The rules as the clinic sees them: {@code POST /api/eligibility/check} decides for facts not
 * yet saved (the portal shows it before a registration is saved), {@code GET .../rules} lists
 * the rule book, and {@code GET .../rules/{id}/affected-cases} finds every open case a rule
 * (say a new parole termination) touches, so supervisors can act on them.
 */
@Path("/api/eligibility")
@jakarta.ws.rs.Produces(MediaType.APPLICATION_JSON)
public class EligibilityResource {

    private final EligibilityEngine engine;

    EligibilityResource(EligibilityEngine engine) {
        this.engine = engine;
    }

    /** Facts to decide on, as the registration names them, and the filing date (default today). */
    public record CheckRequest(String category, LocalDate asylumFiledOn, LocalDate asylumLodgedOn, Integer clockStoppedDays,
            LocalDate lastArrivalOn, LocalDate paroleEndDate, String paroleProgram, String tpsCountry, Boolean priorEad,
            ApplicantFacts.FeeWaiverBasis feeWaiverBasis, ApplicantFacts.FilingMethod filingMethod, LocalDate filingDate) {
    }

    @POST
    @Path("/check")
    @RolesAllowed(ClinicRoles.CASEWORKER)
    public EligibilityDecision check(CheckRequest r) {
        if (r == null) {
            throw new ProblemException(Problem.invalid(List.of(new Problem.FieldError("body", "is required"))));
        }
        Category category = Category.fromCode(r.category()).orElseThrow(() -> new ProblemException(Problem.invalid(
                List.of(new Problem.FieldError("category", "is required: one of c8, c11, a12, c19")))));
        ApplicantFacts facts = new ApplicantFacts(category, r.asylumFiledOn(), r.asylumLodgedOn(),
                r.clockStoppedDays() == null ? 0 : r.clockStoppedDays(), r.lastArrivalOn(), r.paroleEndDate(),
                r.paroleProgram(), r.tpsCountry(), Boolean.TRUE.equals(r.priorEad()), r.feeWaiverBasis(), r.filingMethod());
        return engine.decide(facts, r.filingDate() == null ? LocalDate.now() : r.filingDate());
    }

    @GET
    @Path("/rules")
    @RolesAllowed(ClinicRoles.CASEWORKER)
    public Map<String, Object> rules() {
        return Map.of("version", engine.ruleBook().version(), "rules", engine.ruleBook().rules());
    }

    /** Open cases in the rule's categories that match its program or country. */
    public record AffectedCase(java.util.UUID id, String siteId, String category, String stage) {
    }

    @GET
    @Path("/rules/{id}/affected-cases")
    @RolesAllowed(ClinicRoles.SUPERVISOR)
    @jakarta.transaction.Transactional
    public List<AffectedCase> affected(@PathParam("id") String id) {
        Rule rule = engine.ruleBook().byId(id).orElseThrow(() -> new ProblemException(
                Problem.of(Response.Status.NOT_FOUND, "not-found", "No rule " + id + " in rule book " + engine.ruleBook().version())));
        StringBuilder where = new StringBuilder("category in ?1 and stageCode not in ('filed', 'withdrawn')");
        List<Object> params = new java.util.ArrayList<>(List.of(rule.categories()));
        if (rule.paroleProgram() != null) {
            where.append(" and paroleProgram = ?2");
            params.add(rule.paroleProgram());
        } else if (rule.country() != null) {
            where.append(" and tpsCountry = ?2");
            params.add(rule.country());
        }
        List<Applicant> cases = Applicant.list(where + " order by createdAt", params.toArray());
        return cases.stream().map(a -> new AffectedCase(a.id, a.siteId, a.category, a.stageCode)).toList();
    }

    @Produces
    @Singleton
    static EligibilityEngine engine() {
        return new EligibilityEngine(RuleBook.bundled());
    }
}
