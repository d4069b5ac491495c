package org.clinicflow.portal.api;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** notification-service as the portal calls it, with the signed-in user's access token; answers are records. */
@RegisterRestClient(configKey = "notification")
@AccessToken
public interface NotificationApi {

    @GET
    @Path("/api/applicants/{id}/messages")
    List<SmsMessage> messages(@PathParam("id") String id);

    @GET
    @Path("/api/applicants/{id}/sms")
    SmsStatus smsStatus(@PathParam("id") String id);

    @GET
    @Path("/api/applicants/{id}/replies")
    List<SmsReply> replies(@PathParam("id") String id);

    /** The development gateway's inbox (local stack only). */
    @GET
    @Path("/dev/sms")
    List<DevSms> devInbox(@QueryParam("to") String to);
}
