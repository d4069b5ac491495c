package org.clinicflow.notification.gateway;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** Twilio's Messages API (2010-04-01), as far as the clinic uses it; base URL {@code quarkus.rest-client.twilio.url}. */
@RegisterRestClient(configKey = "twilio")
@Path("/2010-04-01/Accounts/{account}/Messages.json")
public interface TwilioApi {

    /** A message resource, the fields the clinic reads. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record TwilioMessage(String sid, String status, String to, String body, @JsonProperty("error_code") String errorCode) {
    }

    /** A page of messages. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record TwilioPage(List<TwilioMessage> messages) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    TwilioMessage send(@PathParam("account") String account, @HeaderParam("Authorization") String authorization, Form form);

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    TwilioPage list(@PathParam("account") String account, @HeaderParam("Authorization") String authorization,
            @QueryParam("To") String to, @QueryParam("DateSent>") String sentAfter);
}
