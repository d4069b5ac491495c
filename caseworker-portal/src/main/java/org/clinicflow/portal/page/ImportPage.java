package org.clinicflow.portal.page;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.file.Files;
import org.clinicflow.portal.api.IntakeApi;
import org.clinicflow.portal.api.RosterImport;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Roster import: upload a shelter's CSV to intake, then see each row's fate (accepted, or why not). */
@Path("/import")
public class ImportPage {

    private final Template rosterImport;
    private final Pages pages;
    private final IntakeApi intake;

    ImportPage(@io.quarkus.qute.Location("import") Template rosterImport, Pages pages, @RestClient IntakeApi intake) {
        this.rosterImport = rosterImport;
        this.pages = pages;
        this.intake = intake;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance form() {
        return pages.render(rosterImport).data("result", null).data("failure", null);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    public Response upload(@RestForm("file") FileUpload file) throws IOException {
        // No file is an empty roster: intake answers with the field error.
        byte[] csv = file == null ? new byte[0] : Files.readAllBytes(file.uploadedFile());
        Pages.Outcome<RosterImport> started = pages.call(() -> intake.importRoster(csv));
        if (!started.ok()) {
            return Response.status(started.status()).entity(pages.render(rosterImport).data("result", null).data("failure", started))
                    .build();
        }
        return Pages.back("/import/" + started.value().id(), null);
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance status(@PathParam("id") String id) {
        Pages.Outcome<RosterImport> status = pages.call(() -> intake.importStatus(id));
        return pages.render(rosterImport).data("result", status.ok() ? status.value() : null).data("failure", status.ok() ? null : status);
    }
}
