package org.clinicflow.intake.applicant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clinicflow.intake.audit.AuditLog;
import org.clinicflow.intake.eligibility.CaseEligibility;
import org.clinicflow.intake.timeline.TimelineEntry;
import org.clinicflow.web.problem.Problem;
import org.clinicflow.web.problem.ProblemException;
import org.clinicflow.web.security.ClinicRoles;
import org.clinicflow.web.security.SiteScope;

/**
 * The case API caseworkers use: register, read (with today's eligibility), correct (JSON merge
 * patch), search and page, withdraw, the case's timeline, and a supervisor's A-number reveal.
 * Every read and change of a case by a person is audited. Caseworkers reach their own site's
 * cases only. Tested by {@code ApplicantResourceTest}.
 */
@Path("/api/applicants")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(ClinicRoles.CASEWORKER)
public class ApplicantResource {

    private static final int MAX_PAGE_SIZE = 100;
    /** Deeper than this a caseworker narrows the search instead; it also keeps {@code page * size} an int. */
    private static final int MAX_PAGE = 10_000;

    private final ApplicantService service;
    private final SiteScope access;
    private final CaseEligibility eligibility;
    private final AuditLog audit;
    private final ObjectMapper json;

    ApplicantResource(ApplicantService service, SiteScope access, CaseEligibility eligibility, AuditLog audit,
            ObjectMapper json) {
        this.service = service;
        this.access = access;
        this.eligibility = eligibility;
        this.audit = audit;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(ApplicantRequest request, @jakarta.ws.rs.core.Context UriInfo uri) {
        if (request == null) {
            throw new ProblemException(Problem.invalid(List.of(new Problem.FieldError("body", "is required"))));
        }
        if (request.siteId() != null) {
            access.requireSite(request.siteId());
        }
        try {
            Applicant a = service.register(request, access.actor());
            return Response.created(uri.getAbsolutePathBuilder().path(a.id.toString()).build()).entity(view(a)).build();
        } catch (DuplicateApplicantException e) {
            throw duplicate(e, request, uri);
        }
    }

    @GET
    @Path("/{id}")
    @Transactional // one transaction: the read, its eligibility and its audit row
    public ApplicantView get(@PathParam("id") String id) {
        Applicant a = visible(id);
        audit.record(a.id, access.actor(), "read", null);
        return view(a);
    }

    @PATCH
    @Path("/{id}")
    @Consumes({ "application/merge-patch+json", MediaType.APPLICATION_JSON })
    public ApplicantView correct(@PathParam("id") String id, JsonNode patch, @jakarta.ws.rs.core.Context UriInfo uri) {
        if (patch == null || !patch.isObject()) {
            throw new ProblemException(Problem.invalid(List.of(new Problem.FieldError("body", "must be a JSON object of the fields to change"))));
        }
        // An event can move the case (a check-in, a booking) between this read and the save: the
        // save then fails its version check, and the caseworker's fields are applied again on the
        // case as it now is, since they do not depend on what the event changed.
        for (int attempt = 1;; attempt++) {
            Applicant a = visible(id);
            ApplicantRequest request = merge(a, patch);
            access.requireSite(request.siteId());
            try {
                service.correct(a.id, request, access.actor());
                return view(service.find(a.id).orElseThrow());
            } catch (DuplicateApplicantException e) {
                throw duplicate(e, request, uri);
            } catch (RuntimeException e) {
                if (attempt >= 3 || !ConcurrentChange.causedBy(e)) {
                    throw e;
                }
            }
        }
    }

    /** The case's fields with the patch's over them, as a request. */
    private ApplicantRequest merge(Applicant a, JsonNode patch) {
        ObjectNode merged = json.valueToTree(ApplicantRequest.of(a));
        patch.fields().forEachRemaining(field -> merged.set(field.getKey(), field.getValue()));
        try {
            return json.treeToValue(merged, ApplicantRequest.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ProblemException(Problem.invalid(List.of(new Problem.FieldError(firstField(e), "has the wrong type"))));
        }
    }

    /** One page of a search: newest first, {@code hasMore} when another page follows. */
    public record Page(List<ApplicantView> items, int page, int size, boolean hasMore) {
    }

    @GET
    @Transactional // one transaction: the query and its audit rows
    public Page search(@QueryParam("q") String q, @QueryParam("stage") String stage, @QueryParam("siteId") String siteId,
            @QueryParam("language") String language, @QueryParam("category") String category,
            @QueryParam("id") List<String> ids, @QueryParam("householdId") String householdId,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("25") int size) {
        if (page < 0 || page > MAX_PAGE) {
            throw new ProblemException(Problem.invalid(List.of(new Problem.FieldError("page", "must be between 0 and " + MAX_PAGE))));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new ProblemException(Problem.invalid(List.of(new Problem.FieldError("size", "must be between 1 and " + MAX_PAGE_SIZE))));
        }
        ApplicantSearch search = new ApplicantSearch(q, stage, siteId, language, category, applicantIds(ids), household(householdId));
        ApplicantService.Found found = service.search(search, access.restrictedToSite(), page, size);
        audit.record(null, access.actor(), "search", search.describe());
        List<ApplicantView> items = found.items().stream().map(a -> ApplicantView.of(a, null)).toList();
        // Every case the search showed (names, phones) is on that case's audit trail too.
        audit.recordEach(items.stream().map(ApplicantView::id).toList(), access.actor(), "listed-in-search");
        return new Page(items, page, size, found.more());
    }

    /** The {@code householdId} parameter as a UUID, or a field error. */
    private static UUID household(String householdId) {
        if (householdId == null || householdId.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(householdId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("householdId", "must be a household id (UUID)");
        }
    }

    /** The {@code id} parameters as ids: at most a page of them, each a UUID, or a field error. */
    private static List<UUID> applicantIds(List<String> ids) {
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        if (ids.size() > MAX_PAGE_SIZE) {
            throw new ProblemException(Problem.invalid(List.of(new Problem.FieldError("id", "at most " + MAX_PAGE_SIZE + " ids at once"))));
        }
        try {
            return ids.stream().map(UUID::fromString).toList();
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.invalid(List.of(new Problem.FieldError("id", "must be applicant ids (UUIDs)"))));
        }
    }

    /** Why the applicant leaves the clinic's process. */
    public record Withdrawal(String reason) {
    }

    @POST
    @Path("/{id}/withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    public ApplicantView withdraw(@PathParam("id") String id, Withdrawal withdrawal) {
        if (withdrawal == null || withdrawal.reason() == null || !withdrawal.reason().matches("[a-z][a-z-]{1,40}")) {
            throw new ProblemException(Problem.invalid(List.of(new Problem.FieldError("reason",
                    "is required: a reason code such as moved, filed-elsewhere, requested"))));
        }
        Applicant a = visible(id);
        service.withdraw(a.id, withdrawal.reason(), access.actor());
        return view(service.find(a.id).orElseThrow());
    }

    /** A supervisor's approval to book despite the decision (approve false withdraws it), and why. */
    public record OverrideRequest(Boolean approve, String reason) {
    }

    @POST
    @Path("/{id}/eligibility/override")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(ClinicRoles.SUPERVISOR)
    public ApplicantView override(@PathParam("id") String id, OverrideRequest request) {
        if (request == null || request.approve() == null) {
            throw new ProblemException(Problem.invalid(List.of(new Problem.FieldError("approve", "is required: true or false"))));
        }
        String reason = request.reason() == null ? "" : request.reason().trim();
        if (request.approve() && (reason.length() < 3 || reason.length() > 200)) {
            throw new ProblemException(Problem.invalid(List.of(new Problem.FieldError("reason",
                    "is required: why the applicant may be booked (3 to 200 characters)"))));
        }
        Applicant a = visible(id);
        service.override(a.id, request.approve(), reason, access.actor());
        return view(service.find(a.id).orElseThrow());
    }

    @GET
    @Path("/{id}/timeline")
    @jakarta.transaction.Transactional
    public List<TimelineEntry> timeline(@PathParam("id") String id) {
        Applicant a = visible(id);
        audit.record(a.id, access.actor(), "read-timeline", null);
        return TimelineEntry.list("applicantId = ?1 order by occurredAt, id", a.id);
    }

    @POST
    @Path("/{id}/a-number/reveal")
    @RolesAllowed(ClinicRoles.SUPERVISOR)
    public Map<String, String> reveal(@PathParam("id") String id) {
        Applicant a = visible(id);
        return service.reveal(a, access.actor()).map(n -> Map.of("aNumber", n.formatted()))
                .orElseThrow(() -> new ProblemException(Problem.of(Response.Status.NOT_FOUND, "no-a-number",
                        "No A-number is on file for this applicant.")));
    }

    private Applicant visible(String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw notFound(id);
        }
        return service.find(uuid).filter(a -> access.maySee(a.siteId)).orElseThrow(() -> notFound(id));
    }

    private ApplicantView view(Applicant a) {
        return ApplicantView.of(a, eligibility.decide(a));
    }

    private ProblemException duplicate(DuplicateApplicantException e, ApplicantRequest request, UriInfo uri) {
        UUID existing = e.existingId() != null ? e.existingId()
                : service.findDuplicate(request).map(ApplicantService.Duplicate::id).orElse(null);
        // The existing case is named only to a caller who may open it: a caseworker of another site
        // learns that the person is registered, not where or under which id.
        boolean visible = existing != null && service.find(existing).filter(a -> access.maySee(a.siteId)).isPresent();
        Problem problem = Problem.of(Response.Status.CONFLICT, "duplicate-applicant", visible
                ? "This person is already registered (" + e.rule() + "): open the existing case instead."
                : "This person is already registered (" + e.rule() + ") at another site: a supervisor can find the case.")
                .with("rule", e.rule());
        if (visible) {
            URI location = uri.getBaseUriBuilder().path("api/applicants").path(existing.toString()).build();
            problem = problem.with("existingApplicantId", existing.toString()).with("existing", location.toString());
        }
        return new ProblemException(problem);
    }

    private static ProblemException notFound(String id) {
        return new ProblemException(Problem.of(Response.Status.NOT_FOUND, "not-found", "No applicant " + id + " that you can see."));
    }

    private static String firstField(com.fasterxml.jackson.core.JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException m && !m.getPath().isEmpty()) {
            return m.getPath().get(0).getFieldName();
        }
        return "body";
    }
}
