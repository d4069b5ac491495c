package org.clinicflow.portal.api;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.io.File;
import java.util.List;
import org.jboss.resteasy.reactive.PartType;
import org.jboss.resteasy.reactive.RestForm;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** document-service as the portal calls it, with the signed-in user's access token; answers and requests are records. */
@RegisterRestClient(configKey = "document")
@AccessToken
@Path("/api/applicants/{id}")
public interface DocumentApi {

    @GET
    @Path("/checklist")
    Checklist checklist(@PathParam("id") String id);

    @PUT
    @Path("/documents/{type}")
    @Consumes(MediaType.APPLICATION_JSON)
    Checklist check(@PathParam("id") String id, @PathParam("type") String type, Check check);

    /** Several checks in one save. */
    @PUT
    @Path("/documents")
    @Consumes(MediaType.APPLICATION_JSON)
    Checklist checkAll(@PathParam("id") String id, Checks checks);

    /** Every scan of the applicant, newest first. */
    @GET
    @Path("/scans")
    List<Scan> scans(@PathParam("id") String id);

    /** Stores a scan (PDF, JPEG or PNG); document-service inspects it and refuses anything else. */
    @POST
    @Path("/documents/{type}/scans")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    Scan upload(@PathParam("id") String id, @PathParam("type") String type, @RestForm("file") @PartType(MediaType.APPLICATION_OCTET_STREAM)
            File file);

    /** One scan's bytes; document-service audits the view. */
    @GET
    @Path("/scans/{scanId}")
    @Produces(MediaType.WILDCARD)
    Response scan(@PathParam("id") String id, @PathParam("scanId") String scanId);

    /** One document's check: verified, rejected (with a reason code) or not applicable. */
    record Check(String status, String reason) {
    }

    /** One row of a save: the document type and its new status. */
    record TypedCheck(String type, String status) {
    }

    /** A save of several rows at once. */
    record Checks(List<TypedCheck> checks) {
    }
}
