package org.clinicflow.portal.api;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * intake-service as the portal calls it, with the signed-in user's access token. The case, its
 * search, timeline and tasks come back as records ({@link Applicant}, {@link ApplicantPage}, ...);
 * the filing form, the rule book and roster imports stay JSON trees on purpose: the form's
 * answers follow intake's own form layout field by field (FormJson nests and flattens them),
 * and the supervisor's rule screens show a rule's JSON as written.
 */
@RegisterRestClient(configKey = "intake")
@AccessToken
@Path("/api")
public interface IntakeApi {

    @GET
    @Path("/applicants")
    ApplicantPage search(@QueryParam("q") String q, @QueryParam("stage") String stage, @QueryParam("language") String language,
            @QueryParam("category") String category, @QueryParam("page") int page, @QueryParam("size") int size);

    /** A household's members (at most a page). */
    @GET
    @Path("/applicants")
    ApplicantPage household(@QueryParam("householdId") String householdId, @QueryParam("size") int size);

    @POST
    @Path("/applicants")
    @Consumes(MediaType.APPLICATION_JSON)
    Applicant register(Registration applicant);

    /** A registration as the intake form sends it: what was typed, blanks as nulls; intake validates every field. */
    record Registration(String givenName, String familyName, String dateOfBirth, String countryOfCitizenship, String phone,
            String aNumber, String preferredLanguage, String siteId, String category, String asylumFiledOn, String lastArrivalOn,
            String paroleEndDate, String paroleProgram, String tpsCountry, String householdId, boolean smsConsent) {
    }

    /** The cases named by id (at most 100), one page. */
    @GET
    @Path("/applicants")
    ApplicantPage byIds(@QueryParam("id") List<String> ids, @QueryParam("size") int size);

    @GET
    @Path("/applicants/{id}")
    Applicant applicant(@PathParam("id") String id);

    @GET
    @Path("/applicants/{id}/timeline")
    List<TimelineEntry> timeline(@PathParam("id") String id);

    @POST
    @Path("/applicants/{id}/a-number/reveal")
    Revealed revealANumber(@PathParam("id") String id);

    /** The A-number in clear, once, for a supervisor (audited by intake). */
    record Revealed(String aNumber) {
    }

    @POST
    @Path("/eligibility/check")
    @Consumes(MediaType.APPLICATION_JSON)
    Eligibility checkEligibility(Facts facts);

    /** The facts eligibility turns on, as typed on the intake form. */
    record Facts(String category, String asylumFiledOn, String paroleEndDate, String paroleProgram, String tpsCountry) {
    }

    @POST
    @Path("/applicants/import")
    @Consumes("text/csv")
    RosterImport importRoster(byte[] csv);

    @GET
    @Path("/applicants/import/{id}")
    RosterImport importStatus(@PathParam("id") String id);

    @POST
    @Path("/applicants/{id}/eligibility/override")
    @Consumes(MediaType.APPLICATION_JSON)
    Applicant override(@PathParam("id") String id, Approval approval);

    /** A supervisor's approval to book despite the decision (false withdraws it), and why. */
    record Approval(boolean approve, String reason) {
    }

    @GET
    @Path("/eligibility/rules")
    RuleBook rules();

    @POST
    @Path("/eligibility/rules/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    RulePreview previewRule(Map<String, Object> rule);

    @POST
    @Path("/eligibility/rules")
    @Consumes(MediaType.APPLICATION_JSON)
    Map<String, Object> addRule(Map<String, Object> rule);

    @GET
    @Path("/eligibility/rules/{id}/affected-cases")
    PolicyAction.Affected affectedCases(@PathParam("id") String ruleId);

    @POST
    @Path("/eligibility/rules/{id}/actions")
    @Consumes(MediaType.APPLICATION_JSON)
    PolicyAction act(@PathParam("id") String ruleId, PolicyAction.Request action);

    @GET
    @Path("/eligibility/rules/{id}/actions")
    List<PolicyAction> actionsOf(@PathParam("id") String ruleId);

    @GET
    @Path("/eligibility/actions/{id}")
    PolicyAction action(@PathParam("id") String actionId);

    @GET
    @Path("/applicants/{id}/form")
    Filing.Form form(@PathParam("id") String id);

    /** The same answer read for how complete the filing is only (the case page's progress bar). */
    @GET
    @Path("/applicants/{id}/form")
    FormProgress formProgress(@PathParam("id") String id);

    /** How many of the filing's requirements are met, of how many. */
    record FormProgress(int met, int total, boolean complete) {
    }

    @jakarta.ws.rs.PUT
    @Path("/applicants/{id}/form")
    @Consumes(MediaType.APPLICATION_JSON)
    Filing.Form saveForm(@PathParam("id") String id, Map<String, Object> answers);

    @GET
    @Path("/applicants/{id}/certifications")
    List<Filing.Certification> certifications(@PathParam("id") String id);

    @POST
    @Path("/applicants/{id}/certifications")
    @Consumes(MediaType.APPLICATION_JSON)
    Filing.Certification certify(@PathParam("id") String id, Certify certification);

    /** A certification as the filing step records it; which fields apply depends on the kind (intake checks). */
    record Certify(String kind, String language, String name, String organization, String phone, String email, String guardianName,
            String guardianRelationship, Boolean viaInterpreter) {
    }

    @GET
    @Path("/applicants/{id}/consents")
    Filing.Consents consents(@PathParam("id") String id);

    @POST
    @Path("/applicants/{id}/consents")
    @Consumes(MediaType.APPLICATION_JSON)
    void consent(@PathParam("id") String id, Filing.ConsentChange consent);

    /** The filing packet (a PDF); a 409 names every missing item. */
    @GET
    @Path("/applicants/{id}/packet")
    @jakarta.ws.rs.Produces("application/pdf")
    byte[] packet(@PathParam("id") String id);

    @POST
    @Path("/applicants/{id}/filing")
    @Consumes(MediaType.APPLICATION_JSON)
    Filing.Filed file(@PathParam("id") String id, Filing.Record filing);

    @POST
    @Path("/applicants/{id}/receipt")
    @Consumes(MediaType.APPLICATION_JSON)
    Filing.Filed receipt(@PathParam("id") String id, Receipt receipt);

    /** USCIS's receipt number as typed; intake checks its form. */
    record Receipt(String receiptNumber) {
    }

    /** Item 22 set on the case: a correction (JSON merge patch) of its last arrival date. */
    @jakarta.ws.rs.PATCH
    @Path("/applicants/{id}")
    @Consumes("application/merge-patch+json")
    Applicant correctArrival(@PathParam("id") String id, ArrivalPatch patch);

    /** The merge patch {@code {"lastArrivalOn": ...}}. */
    record ArrivalPatch(String lastArrivalOn) {
    }

    /** A correction that puts the case in a household (the household chooser's first member). */
    @jakarta.ws.rs.PATCH
    @Path("/applicants/{id}")
    @Consumes("application/merge-patch+json")
    Applicant joinHousehold(@PathParam("id") String id, HouseholdPatch patch);

    /** The merge patch {@code {"householdId": ...}}. */
    record HouseholdPatch(String householdId) {
    }

    /** The "Needs attention" list: open tasks of the caller's site. */
    @GET
    @Path("/tasks")
    List<CaseTask> openTasks();

    @GET
    @Path("/applicants/{id}/tasks")
    List<CaseTask> caseTasks(@PathParam("id") String id);

    @POST
    @Path("/applicants/{id}/tasks/{taskId}/done")
    @Consumes(MediaType.APPLICATION_JSON)
    CaseTask taskDone(@PathParam("id") String id, @PathParam("taskId") String taskId, TaskDone body);

    /** The day a task was done, as typed (intake checks it). */
    record TaskDone(String doneOn) {
    }

    @POST
    @Path("/applicants/{id}/addresses")
    @Consumes(MediaType.APPLICATION_JSON)
    void move(@PathParam("id") String id, Move body);

    /** A move: the new mailing address and the day it took effect, as typed. */
    record Move(Address address, String movedOn) {
    }

    /** A US mailing address as Form I-765 asks it. */
    record Address(String inCareOf, String street, String unit, String city, String state, String zipCode) {
    }
}
