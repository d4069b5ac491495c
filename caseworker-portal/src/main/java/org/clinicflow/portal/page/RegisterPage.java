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
import org.clinicflow.portal.api.IntakeApi;
import org.clinicflow.portal.api.SchedulingApi;
import org.clinicflow.portal.security.Viewer;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The intake form. "Check eligibility" asks intake's rules (category, earliest filing date, fee
 * and waiver) without saving; "Save" registers, and intake's own validation comes back next to
 * each field, a duplicate as a warning with a link to the existing case. The form keeps what was
 * typed either way: nothing is lost to an error.
 */
@Path("/register")
public class RegisterPage {

    /** Every field the form sends: the text fields the template lists (Choices) and its three selects. */
    static final List<String> FIELDS = java.util.stream.Stream.of(Choices.personFields,
            List.of("preferredLanguage", "siteId", "category"), Choices.eligibilityFields).flatMap(List::stream).toList();
    private static final List<String> ELIGIBILITY_FIELDS = List.of("category", "asylumFiledOn", "paroleEndDate", "paroleProgram",
            "tpsCountry");

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
        Map<String, Object> blank = new LinkedHashMap<>();
        FIELDS.forEach(f -> blank.put(f, ""));
        blank.put("siteId", viewer.site() == null ? "" : viewer.site());
        blank.put("preferredLanguage", "es");
        // Consent to SMS is the applicant's affirmative act: the box starts unticked.
        blank.put("smsConsent", false);
        return view(blank, null, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response submit(MultivaluedMap<String, String> form) {
        Map<String, Object> applicant = new LinkedHashMap<>();
        for (String field : FIELDS) {
            applicant.put(field, form.getFirst(field) == null ? "" : form.getFirst(field).trim());
        }
        applicant.put("smsConsent", "on".equals(form.getFirst("smsConsent")));
        if ("check".equals(form.getFirst("action"))) {
            Map<String, Object> facts = new LinkedHashMap<>();
            ELIGIBILITY_FIELDS.forEach(f -> facts.put(f, emptyToNull(applicant.get(f))));
            return Response.ok(view(applicant, pages.call(() -> intake.checkEligibility(facts)), null)).build();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        applicant.forEach((k, v) -> body.put(k, emptyToNull(v)));
        Pages.Outcome<Map<String, Object>> saved = pages.call(() -> intake.register(body));
        if (saved.ok()) {
            return Pages.back("/applicants/" + saved.value().get("id"), "registered");
        }
        return Response.status(saved.status() == 503 ? 503 : 422).entity(view(applicant, null, saved)).build();
    }

    private TemplateInstance view(Map<String, Object> applicant, Pages.Outcome<Map<String, Object>> eligibility,
            Pages.Outcome<Map<String, Object>> failure) {
        Pages.Outcome<List<Map<String, Object>>> sites = pages.call(scheduling::sites);
        return pages.render(register).data("a", applicant).data("eligibility", eligibility).data("failure", failure)
                .data("errors", failure == null ? Map.of() : failure.fieldErrors())
                .data("sites", sites.ok() ? sites.value() : List.of());
    }

    private static Object emptyToNull(Object value) {
        return value instanceof String s && s.isBlank() ? null : value;
    }
}
