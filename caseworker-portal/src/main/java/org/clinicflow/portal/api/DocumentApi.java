package org.clinicflow.portal.api;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** document-service as the portal calls it, with the signed-in user's access token. */
@RegisterRestClient(configKey = "document")
@AccessToken
@Path("/api/applicants/{id}")
public interface DocumentApi {

    @GET
    @Path("/checklist")
    Map<String, Object> checklist(@PathParam("id") String id);

    @PUT
    @Path("/documents/{type}")
    @Consumes(MediaType.APPLICATION_JSON)
    Map<String, Object> check(@PathParam("id") String id, @PathParam("type") String type, Map<String, Object> check);

    /** Several checks in one save: {@code {"checks": [{"type", "status"}]}}. */
    @PUT
    @Path("/documents")
    @Consumes(MediaType.APPLICATION_JSON)
    Map<String, Object> checkAll(@PathParam("id") String id, Map<String, Object> checks);
}
