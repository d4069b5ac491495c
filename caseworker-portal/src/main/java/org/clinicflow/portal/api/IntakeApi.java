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

/** intake-service as the portal calls it, with the signed-in user's access token. */
@RegisterRestClient(configKey = "intake")
@AccessToken
@Path("/api")
public interface IntakeApi {

    @GET
    @Path("/me")
    Map<String, Object> me();

    @GET
    @Path("/applicants")
    Map<String, Object> search(@QueryParam("q") String q, @QueryParam("stage") String stage, @QueryParam("language") String language,
            @QueryParam("category") String category, @QueryParam("page") int page, @QueryParam("size") int size);

    @POST
    @Path("/applicants")
    @Consumes(MediaType.APPLICATION_JSON)
    Map<String, Object> register(Map<String, Object> applicant);

    /** The cases named by id (at most 100), one page. */
    @GET
    @Path("/applicants")
    Map<String, Object> byIds(@QueryParam("id") List<String> ids, @QueryParam("size") int size);

    @GET
    @Path("/applicants/{id}")
    Map<String, Object> applicant(@PathParam("id") String id);

    @GET
    @Path("/applicants/{id}/timeline")
    List<Map<String, Object>> timeline(@PathParam("id") String id);

    @POST
    @Path("/applicants/{id}/a-number/reveal")
    Map<String, Object> revealANumber(@PathParam("id") String id);

    @POST
    @Path("/eligibility/check")
    @Consumes(MediaType.APPLICATION_JSON)
    Map<String, Object> checkEligibility(Map<String, Object> facts);

    @POST
    @Path("/applicants/import")
    @Consumes("text/csv")
    Map<String, Object> importRoster(byte[] csv);

    @GET
    @Path("/applicants/import/{id}")
    Map<String, Object> importStatus(@PathParam("id") String id);

    @POST
    @Path("/applicants/{id}/eligibility/override")
    @Consumes(MediaType.APPLICATION_JSON)
    Map<String, Object> override(@PathParam("id") String id, Map<String, Object> approval);

    @GET
    @Path("/eligibility/rules")
    Map<String, Object> rules();

    @POST
    @Path("/eligibility/rules/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    Map<String, Object> previewRule(Map<String, Object> rule);

    @POST
    @Path("/eligibility/rules")
    @Consumes(MediaType.APPLICATION_JSON)
    Map<String, Object> addRule(Map<String, Object> rule);

    @GET
    @Path("/eligibility/rules/{id}/affected-cases")
    Map<String, Object> affectedCases(@PathParam("id") String ruleId);

    @POST
    @Path("/eligibility/rules/{id}/actions")
    @Consumes(MediaType.APPLICATION_JSON)
    Map<String, Object> act(@PathParam("id") String ruleId, Map<String, Object> action);

    @GET
    @Path("/eligibility/rules/{id}/actions")
    List<Map<String, Object>> actionsOf(@PathParam("id") String ruleId);

    @GET
    @Path("/eligibility/actions/{id}")
    Map<String, Object> action(@PathParam("id") String actionId);

    @GET
    @Path("/applicants/{id}/form")
    Map<String, Object> form(@PathParam("id") String id);

    @jakarta.ws.rs.PUT
    @Path("/applicants/{id}/form")
    @Consumes(MediaType.APPLICATION_JSON)
    Map<String, Object> saveForm(@PathParam("id") String id, Map<String, Object> answers);

    @GET
    @Path("/applicants/{id}/certifications")
    List<Map<String, Object>> certifications(@PathParam("id") String id);

    @POST
    @Path("/applicants/{id}/certifications")
    @Consumes(MediaType.APPLICATION_JSON)
    Map<String, Object> certify(@PathParam("id") String id, Map<String, Object> certification);

    @GET
    @Path("/applicants/{id}/consents")
    Map<String, Object> consents(@PathParam("id") String id);

    @POST
    @Path("/applicants/{id}/consents")
    @Consumes(MediaType.APPLICATION_JSON)
    Map<String, Object> consent(@PathParam("id") String id, Map<String, Object> consent);

    /** The filing packet (a PDF); a 409 names every missing item. */
    @GET
    @Path("/applicants/{id}/packet")
    @jakarta.ws.rs.Produces("application/pdf")
    byte[] packet(@PathParam("id") String id);

    @POST
    @Path("/applicants/{id}/filing")
    @Consumes(MediaType.APPLICATION_JSON)
    Map<String, Object> file(@PathParam("id") String id, Map<String, Object> filing);

    @POST
    @Path("/applicants/{id}/receipt")
    @Consumes(MediaType.APPLICATION_JSON)
    Map<String, Object> receipt(@PathParam("id") String id, Map<String, Object> receipt);

    /** A correction of the case (JSON merge patch of the fields to change). */
    @jakarta.ws.rs.PATCH
    @Path("/applicants/{id}")
    @Consumes("application/merge-patch+json")
    Map<String, Object> correct(@PathParam("id") String id, Map<String, Object> changes);

    /** The "Needs attention" list: open tasks of the caller's site. */
    @GET
    @Path("/tasks")
    List<Map<String, Object>> openTasks();

    @GET
    @Path("/applicants/{id}/tasks")
    List<Map<String, Object>> caseTasks(@PathParam("id") String id);

    @POST
    @Path("/applicants/{id}/tasks/{taskId}/done")
    @Consumes(MediaType.APPLICATION_JSON)
    Map<String, Object> taskDone(@PathParam("id") String id, @PathParam("taskId") String taskId, Map<String, Object> body);

    /** A move: {@code {address, movedOn}}. */
    @POST
    @Path("/applicants/{id}/addresses")
    @Consumes(MediaType.APPLICATION_JSON)
    Map<String, Object> move(@PathParam("id") String id, Map<String, Object> body);
}
