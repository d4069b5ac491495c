package org.clinicflow.intake.eligibility;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.clinicflow.web.problem.Problem;
import org.clinicflow.web.problem.ProblemException;
import org.clinicflow.web.security.ClinicRoles;
import org.clinicflow.web.security.SiteScope;
import org.clinicflow.web.time.ClinicClock;

/**
 * The rules as the clinic sees them: {@code POST /api/eligibility/check} decides for facts not
 * yet saved (the portal shows it before a registration is saved); {@code GET .../rules} lists
 * the rule book; a supervisor previews a new rule ({@code POST .../rules/preview}: which open
 * cases change fee, status or earliest filing date) and adds it ({@code POST .../rules}, never
 * an edit: a new row may supersede an old one), after which every open case is decided again;
 * {@code POST .../review} decides every open case again now. Tested by {@code EligibilityApiTest}
 * and {@code RuleBookApiTest}.
 */
@Path("/api/eligibility")
@Produces(MediaType.APPLICATION_JSON)
public class EligibilityResource {

    private final RuleBooks books;
    private final RulePreview preview;
    private final EligibilityReview review;
    private final SiteScope scope;
    private final ClinicClock clock;

    EligibilityResource(RuleBooks books, RulePreview preview, EligibilityReview review, SiteScope scope, ClinicClock clock) {
        this.books = books;
        this.preview = preview;
        this.review = review;
        this.scope = scope;
        this.clock = clock;
    }

    /** Facts to decide on, as the registration names them, and the filing date (default today). */
    public record CheckRequest(String category, LocalDate asylumFiledOn, LocalDate asylumLodgedOn, Integer clockStoppedDays,
            LocalDate lastArrivalOn, LocalDate paroleEndDate, String paroleProgram, String tpsCountry, Boolean priorEad,
            ApplicantFacts.FeeWaiverBasis feeWaiverBasis, ApplicantFacts.FilingMethod filingMethod, LocalDate filingDate) {
    }

    @POST
    @Path("/check")
    @Consumes(MediaType.APPLICATION_JSON)
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
        return books.engine().decide(facts, r.filingDate() == null ? clock.today() : r.filingDate());
    }

    /** The book: its version and every row, each with the dates it is in force. */
    public record Book(String version, List<Rule> rules) {
    }

    @GET
    @Path("/rules")
    @RolesAllowed(ClinicRoles.CASEWORKER)
    public Book rules() {
        RuleBook book = books.current();
        return new Book(book.version(), book.rules());
    }

    @POST
    @Path("/rules/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(ClinicRoles.SUPERVISOR)
    public RulePreview.Preview preview(Rule rule, @QueryParam("siteId") String siteId) {
        requireValid(rule);
        return preview.preview(rule, Optional.ofNullable(siteId).filter(s -> !s.isBlank()));
    }

    /** The added rule and the book's new version. */
    public record Added(Rule rule, String version) {
    }

    @POST
    @Path("/rules")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(ClinicRoles.SUPERVISOR)
    public Response add(Rule rule, @Context UriInfo uri) {
        requireValid(rule);
        RuleBook book;
        try {
            book = books.add(rule, scope.actor());
        } catch (RuntimeException e) {
            if (causedByConstraint(e)) {
                // Two supervisors adding the same id, or superseding one row twice, at the same moment.
                throw new ProblemException(Problem.about(Response.Status.CONFLICT, "rule-conflict", "id",
                        "another rule with this id, or another successor of the superseded rule, was added just now"));
            }
            throw e;
        }
        books.reload();
        review.reviewLater();
        Rule added = book.byId(rule.id()).orElseThrow();
        return Response.created(uri.getAbsolutePathBuilder().path(rule.id()).build()).entity(new Added(added, book.version())).build();
    }

    @GET
    @Path("/rules/{id}")
    @RolesAllowed(ClinicRoles.CASEWORKER)
    public Rule rule(@PathParam("id") String id) {
        return books.current().byId(id).orElseThrow(() -> new ProblemException(
                Problem.of(Response.Status.NOT_FOUND, "not-found", "No rule " + id + " in the rule book")));
    }

    @POST
    @Path("/review")
    @RolesAllowed(ClinicRoles.SUPERVISOR)
    public EligibilityReview.Result reviewNow() {
        return review.reviewAll();
    }

    private void requireValid(Rule rule) {
        List<Problem.FieldError> errors = RuleValidator.validate(rule, books.current());
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.invalid(errors));
        }
    }

    private static boolean causedByConstraint(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }
}
