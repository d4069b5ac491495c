package org.clinicflow.tracking.uscis;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * USCIS's Case Status API (Torch developer program) as far as the clinic uses it: the OAuth 2.0
 * client-credentials token and {@code GET /case-status/{receiptNumber}}. Field names follow
 * USCIS's published description of the API (receiptNumber, formType, submittedDate,
 * modifiedDate, status, description, statusEsDesc, historicalCaseStatuses); the base URL is
 * {@code quarkus.rest-client.uscis.url}. Exercised against the stand-in in {@code TrackerTest}.
 */
@RegisterRestClient(configKey = "uscis")
public interface UscisApi {

    /** The token endpoint's answer; USCIS's tokens last 30 minutes. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record AccessToken(String access_token, String token_type, long expires_in) {
    }

    /** A case's status: the current English title and the history. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record CaseStatus(String receiptNumber, String formType, LocalDate submittedDate, LocalDate modifiedDate, String status,
            String description, String statusEsDesc, List<HistoricalStatus> historicalCaseStatuses) {
    }

    /** One earlier status. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record HistoricalStatus(String status, LocalDate date) {
    }

    @POST
    @Path("/oauth/accesstoken")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    AccessToken token(@FormParam("grant_type") String grantType, @FormParam("client_id") String clientId,
            @FormParam("client_secret") String clientSecret);

    @GET
    @Path("/case-status/{receiptNumber}")
    @Produces(MediaType.APPLICATION_JSON)
    CaseStatus caseStatus(@PathParam("receiptNumber") String receiptNumber, @HeaderParam("Authorization") String authorization);
}
