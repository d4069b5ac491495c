package org.clinicflow.portal.page;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clinicflow.portal.api.Applicant;
import org.clinicflow.portal.api.ApplicantPage;
import org.clinicflow.portal.api.Eligibility;
import org.clinicflow.portal.api.IntakeApi;
import org.clinicflow.portal.api.SchedulingApi;
import org.clinicflow.portal.api.Site;
import org.clinicflow.portal.security.Viewer;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The intake form. "Check eligibility" asks intake's rules (category, earliest filing date, fee
 * and waiver) without saving; "Find" looks up a family member already registered (by name,
 * phone or A-number suffix) so the applicant joins that household by choosing a name, never by
 * typing an id; "Save" registers, and intake's own validation comes back next to each field, a
 * duplicate as a warning with a link to the existing case. The form keeps what was typed either
 * way: nothing is lost to an error. Countries, languages and categories are offered by name.
 * Tested in a browser by {@code PortalBrowserTest}.
 */
@Path("/register")
public class RegisterPage {

    /** Every text field the form sends: the ones the template lists (Choices) and its selects. */
    static final List<String> FIELDS = java.util.stream.Stream.of(Choices.personFields,
            List.of("preferredLanguage", "siteId", "category", "familyQuery", "familyOf"), Choices.eligibilityFields)
            .flatMap(List::stream).toList();

    /** How many family members "Find" offers. */
    private static final int FAMILY_CHOICES = 10;

    private final Template register;
    private final Pages pages;
    private final Viewer viewer;
    private final IntakeApi intake;
    private final SchedulingApi scheduling;

    RegisterPage(Template register, Pages pages, Viewer viewer, @RestClient IntakeApi intake, @RestClient SchedulingApi scheduling) {
        this.register = register;
        this.pages = pages;
        this.viewer = viewer;
        this.intake = intake;
        this.scheduling = scheduling;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance form() {
        Map<String, String> blank = new LinkedHashMap<>();
        FIELDS.forEach(f -> blank.put(f, ""));
        blank.put("siteId", viewer.site() == null ? "" : viewer.site());
        blank.put("preferredLanguage", "es");
        // Consent to SMS is the applicant's affirmative act: the box starts unticked.
        return view(blank, false, null, null, List.of());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response submit(MultivaluedMap<String, String> form) {
        Map<String, String> typed = new LinkedHashMap<>();
        for (String field : FIELDS) {
            typed.put(field, form.getFirst(field) == null ? "" : form.getFirst(field).trim());
        }
        boolean consent = "on".equals(form.getFirst("smsConsent"));
        String action = form.getFirst("action");
        if ("check".equals(action)) {
            IntakeApi.Facts facts = new IntakeApi.Facts(value(typed, "category"), value(typed, "asylumFiledOn"),
                    value(typed, "paroleEndDate"), value(typed, "paroleProgram"), value(typed, "tpsCountry"));
            return Response.ok(view(typed, consent, pages.call(() -> intake.checkEligibility(facts)), null, List.of())).build();
        }
        if ("find-family".equals(action)) {
            return Response.ok(view(typed, consent, null, null, family(value(typed, "familyQuery")))).build();
        }
        Pages.Outcome<String> household = household(value(typed, "familyOf"));
        if (!household.ok()) {
            return Response.status(household.status() == 503 ? 503 : 422).entity(view(typed, consent, null, household, List.of())).build();
        }
        IntakeApi.Registration registration = new IntakeApi.Registration(value(typed, "givenName"), value(typed, "familyName"),
                value(typed, "dateOfBirth"), value(typed, "countryOfCitizenship"), value(typed, "phone"), value(typed, "aNumber"),
                value(typed, "preferredLanguage"), value(typed, "siteId"), value(typed, "category"), value(typed, "asylumFiledOn"),
                value(typed, "lastArrivalOn"), value(typed, "paroleEndDate"), value(typed, "paroleProgram"), value(typed, "tpsCountry"),
                household.value(), consent);
        Pages.Outcome<Applicant> saved = pages.call(() -> intake.register(registration));
        if (saved.ok()) {
            return Pages.back("/applicants/" + saved.value().id(), "registered");
        }
        return Response.status(saved.status() == 503 ? 503 : 422).entity(view(typed, consent, null, saved, List.of())).build();
    }

    /** Registered people matching the search, to pick the family member from; none for a blank search. */
    private List<Applicant> family(String query) {
        if (query == null) {
            return List.of();
        }
        Pages.Outcome<ApplicantPage> found = pages.call(() -> intake.search(query, null, null, null, 0, FAMILY_CHOICES));
        return found.ok() ? found.value().items() : List.of();
    }

    /**
     * The household to register into: the chosen family member's, or a new one that the member
     * joins first (so both end up in it); none when no member was chosen.
     */
    private Pages.Outcome<String> household(String memberId) {
        if (memberId == null) {
            return Pages.Outcome.of(null);
        }
        Pages.Outcome<Applicant> member = pages.call(() -> intake.applicant(memberId));
        if (!member.ok()) {
            return member.at("familyOf");
        }
        if (member.value().householdId() != null) {
            return Pages.Outcome.of(member.value().householdId().toString());
        }
        String household = UUID.randomUUID().toString();
        Pages.Outcome<Applicant> joined = pages.call(() -> intake.joinHousehold(memberId, new IntakeApi.HouseholdPatch(household)));
        return joined.ok() ? Pages.Outcome.of(household) : joined.at("familyOf");
    }

    private TemplateInstance view(Map<String, String> typed, boolean consent, Pages.Outcome<Eligibility> eligibility,
            Pages.Outcome<?> failure, List<Applicant> familyChoices) {
        Pages.Outcome<List<Site>> sites = pages.call(scheduling::sites);
        return pages.render(register).data("a", typed).data("smsConsent", consent).data("eligibility", eligibility)
                .data("failure", failure).data("errors", failure == null ? Map.<String, String>of() : failure.fieldErrors())
                .data("sites", sites.ok() ? sites.value() : List.<Site>of()).data("familyChoices", familyChoices)
                .data("existingApplicantId", failure == null ? "" : String.valueOf(failure.problem().getOrDefault("existingApplicantId", "")));
    }

    private static String value(Map<String, String> typed, String field) {
        String v = typed.get(field);
        return v == null || v.isBlank() ? null : v;
    }
}
