package org.clinicflow.document.scan;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.clinicflow.document.audit.DocumentAudit;
import org.clinicflow.document.checklist.Checklist;
import org.clinicflow.document.checklist.ChecklistItem;
import org.clinicflow.web.crypto.Sha256;
import org.clinicflow.web.problem.Problem;
import org.clinicflow.web.problem.ProblemException;
import org.clinicflow.web.security.ClinicRoles;
import org.clinicflow.web.security.SiteScope;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Scans of an applicant's documents: {@code POST .../documents/{type}/scans} (multipart, part
 * {@code file}) stores a scan that {@link ScanInspector} accepts, {@code GET .../scans} lists
 * them ({@code GET /api/applicants/{id}/scans} all of them), {@code GET /api/applicants/{id}/scans/{scanId}} streams one. Uploads and every view are
 * audited; refusals answer problem+json and store nothing. Caseworkers, own site only.
 */
@Path("/api")
@RolesAllowed(ClinicRoles.CASEWORKER)
public class ScanResource {

    private final ScanStore store;
    private final SiteScope scope;
    private final DocumentAudit.Log audit;

    ScanResource(ScanStore store, SiteScope scope, DocumentAudit.Log audit) {
        this.store = store;
        this.scope = scope;
        this.audit = audit;
    }

    /** A scan's metadata, as listed. */
    public record ScanView(UUID id, String documentType, String mediaType, int sizeBytes, int pages, String uploadedBy,
            Instant uploadedAt) {

        static ScanView of(Scan s) {
            return new ScanView(s.id, s.documentType, s.mediaType, s.sizeBytes, s.pages, s.uploadedBy, s.uploadedAt);
        }
    }

    @POST
    @Path("/applicants/{id}/documents/{type}/scans")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    public Response upload(@PathParam("id") String id, @PathParam("type") String type, @RestForm("file") FileUpload file,
            @Context UriInfo uri) {
        UUID applicant = documentOnVisibleChecklist(id, type);
        if (file == null) {
            throw new ProblemException(Problem.invalid(List.of(new Problem.FieldError("file", "is required (multipart part 'file')"))));
        }
        byte[] content = read(file);
        ScanInspector.Inspection inspection;
        try {
            inspection = ScanInspector.inspect(content);
        } catch (ScanInspector.Refused refused) {
            throw new ProblemException(Problem.of(refused.status(), "Scan refused", "scan-refused", refused.getMessage()));
        }
        String key = store.put(content);
        try {
            Scan scan = save(applicant, type, key, inspection, content);
            return Response.created(uri.getBaseUriBuilder().path("api/applicants").path(id).path("scans")
                    .path(scan.id.toString()).build()).entity(ScanView.of(scan)).build();
        } catch (RuntimeException e) {
            store.delete(key); // nothing stored without its record
            throw e;
        }
    }

    @GET
    @Path("/applicants/{id}/documents/{type}/scans")
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    public List<ScanView> list(@PathParam("id") String id, @PathParam("type") String type) {
        UUID applicant = documentOnVisibleChecklist(id, type);
        return Scan.<Scan>list("applicantId = ?1 and documentType = ?2 order by uploadedAt", applicant, type).stream()
                .map(ScanView::of).toList();
    }

    /** Every scan of the applicant, newest first (the case page lists them under their documents). */
    @GET
    @Path("/applicants/{id}/scans")
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    public List<ScanView> all(@PathParam("id") String id) {
        Checklist checklist = visibleChecklist(id);
        return Scan.<Scan>list("applicantId = ?1 order by uploadedAt desc", checklist.applicantId).stream().map(ScanView::of).toList();
    }

    @GET
    @Path("/applicants/{id}/scans/{scanId}")
    @Transactional
    public Response view(@PathParam("id") String id, @PathParam("scanId") String scanId) {
        Checklist checklist = visibleChecklist(id);
        Scan scan = parse(scanId) == null ? null : Scan.findById(parse(scanId));
        if (scan == null || !scan.applicantId.equals(checklist.applicantId)) {
            throw notFound("No scan " + scanId + " for this applicant.");
        }
        audit.record(scan.applicantId, scope.actor(), "view-scan", scan.documentType, scan.id.toString());
        String extension = switch (scan.mediaType) {
            case "application/pdf" -> "pdf";
            case "image/png" -> "png";
            default -> "jpg";
        };
        return Response.ok(store.get(scan.storageKey), scan.mediaType)
                .header("Content-Disposition", "inline; filename=\"scan." + extension + "\"")
                .header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff").build();
    }

    @Transactional
    Scan save(UUID applicant, String type, String key, ScanInspector.Inspection inspection, byte[] content) {
        Scan scan = new Scan();
        scan.id = UUID.randomUUID();
        scan.applicantId = applicant;
        scan.documentType = type;
        scan.storageKey = key;
        scan.mediaType = inspection.mediaType();
        scan.sizeBytes = content.length;
        scan.pages = inspection.pages();
        scan.sha256 = Sha256.hex(content);
        scan.uploadedBy = scope.actor();
        scan.uploadedAt = Instant.now();
        scan.persist();
        audit.record(applicant, scope.actor(), "upload-scan", type, scan.id.toString());
        return scan;
    }

    @Transactional
    UUID documentOnVisibleChecklist(String id, String type) {
        Checklist checklist = visibleChecklist(id);
        if (ChecklistItem.findById(new ChecklistItem.Key(checklist.applicantId, type)) == null) {
            throw notFound("No document " + type + " on this applicant's checklist.");
        }
        return checklist.applicantId;
    }

    private Checklist visibleChecklist(String id) {
        UUID uuid = parse(id);
        Checklist checklist = uuid == null ? null : Checklist.findById(uuid);
        if (checklist == null || !scope.maySee(checklist.siteId)) {
            throw notFound("No applicant " + id + " that you can see.");
        }
        return checklist;
    }

    private static byte[] read(FileUpload file) {
        try {
            if (Files.size(file.uploadedFile()) > ScanInspector.MAX_BYTES) {
                throw new ProblemException(Problem.of(Response.Status.REQUEST_ENTITY_TOO_LARGE, "scan-refused",
                        "the file is larger than 10 MB"));
            }
            return Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static ProblemException notFound(String detail) {
        return new ProblemException(Problem.of(Response.Status.NOT_FOUND, "not-found", detail));
    }
}
