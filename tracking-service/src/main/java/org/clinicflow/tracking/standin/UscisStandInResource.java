package org.clinicflow.tracking.standin;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stand-in for USCIS's Case Status API at {@code /dev/uscis}, for the local stack, the demo
 * and tests: {@code POST /oauth/accesstoken} (client credentials, 30-minute tokens) and
 * {@code GET /case-status/{receiptNumber}} with a bearer token, answering in the API's format
 * (form type, submitted and modified dates, the English title, descriptions in English and
 * Spanish, the history). Authenticated the way USCIS authenticates (client credentials, then the
 * token it issued), not with the clinic's tokens; a 404 unless {@code clinic.tracking.stand-in.enabled}.
 * Hand-written rather than a mock server because it keeps per-receipt state over time. Tested
 * through the tracker by {@code TrackerTest}.
 */
@Path("/dev/uscis")
public class UscisStandInResource {

    private final UscisStandIn standIn;

    UscisStandInResource(UscisStandIn standIn) {
        this.standIn = standIn;
    }

    @POST
    @Path("/oauth/accesstoken")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(@FormParam("grant_type") String grantType, @FormParam("client_id") String clientId,
            @FormParam("client_secret") String clientSecret) {
        if (!standIn.enabled()) {
            return Response.status(404).build();
        }
        if (!"client_credentials".equals(grantType)) {
            return Response.status(400).entity(Map.of("error", "unsupported_grant_type")).build();
        }
        Optional<String> token = standIn.token(clientId, clientSecret);
        if (token.isEmpty()) {
            return Response.status(401).entity(Map.of("error", "invalid_client")).build();
        }
        return Response.ok(Map.of("access_token", token.get(), "token_type", "Bearer",
                "expires_in", String.valueOf(UscisStandIn.TOKEN_LIFE.toSeconds() - 1))).build();
    }

    @GET
    @Path("/case-status/{receiptNumber}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response caseStatus(@PathParam("receiptNumber") String receipt, @HeaderParam("Authorization") String authorization) {
        if (!standIn.enabled()) {
            return Response.status(404).build();
        }
        Optional<UscisStandIn.Fault> fault = standIn.nextFault();
        String token = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : null;
        if (!standIn.valid(token)) {
            return Response.status(401).entity(Map.of("error", "invalid_token")).build();
        }
        if (fault.isPresent()) {
            Response.ResponseBuilder answer = Response.status(fault.get().status()).entity(Map.of("error", "fault"));
            return fault.get().retryAfter() == null ? answer.build() : answer.header("Retry-After", fault.get().retryAfter()).build();
        }
        if (receipt == null || !receipt.matches("[A-Z]{3}\\d{10}")) {
            return Response.status(400).entity(Map.of("error", "invalid receipt number")).build();
        }
        Optional<UscisStandIn.Standing> standing = standIn.standing(receipt);
        if (standing.isEmpty()) {
            return Response.status(404).entity(Map.of("error", "case not found")).build();
        }
        return Response.ok(body(receipt, standing.get())).build();
    }

    private static Map<String, Object> body(String receipt, UscisStandIn.Standing s) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("receiptNumber", receipt);
        body.put("formType", "I-765");
        body.put("submittedDate", s.firstSeen().toString());
        body.put("modifiedDate", s.since().toString());
        body.put("status", s.title());
        body.put("description", "On " + s.since() + ", the status of your Form I-765 changed: " + s.title() + ".");
        body.put("statusEsDesc", "El " + s.since() + ", el estado de su Formulario I-765 cambió: " + s.title() + ".");
        List<Map<String, Object>> history = new ArrayList<>();
        for (int i = 0; i < s.earlier().size(); i++) {
            LocalDate date = s.earlierDates().get(i);
            history.add(Map.of("status", s.earlier().get(i), "date", date.toString()));
        }
        body.put("historicalCaseStatuses", history);
        return body;
    }
}
