package org.clinicflow.portal.page;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clinicflow.portal.api.Applicant;
import org.clinicflow.portal.api.Filing;
import org.clinicflow.portal.api.IntakeApi;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The filing step of a case, for a preparer working beside an interpreter at one table: a
 * completeness meter with every missing item, the I-765 answers by Part and Item with intake's
 * errors next to each field (what was typed is kept), the certifications and the disclosure
 * consent, then "Download packet", "Record filing" and "Record receipt". Document numbers are
 * never shown back: their inputs show the masked number on file and leave it unchanged when
 * left empty. Tested by {@code PortalBrowserTest}.
 */
@Path("/applicants/{id}/filing")
public class FilingPage {

    /** One input of the form: its JSON path at intake, its I-765 item, caption and kind. */
    @io.quarkus.qute.TemplateData
    public record Input(String name, String item, String label, String kind, List<String> options) {
    }

    /** A fieldset of inputs. */
    @io.quarkus.qute.TemplateData
    public record Group(String title, List<Input> inputs, boolean c8Only) {
    }

    static final List<Group> FORM = List.of(
            new Group("Name", List.of(text("middleName", "1.c", "Middle name"),
                    text("otherNames[0].familyName", "2.a", "Other family name used"),
                    text("otherNames[0].givenName", "2.b", "Other given name used")), false),
            new Group("U.S. mailing address", List.of(text("mailingAddress.inCareOf", "5.a", "In care of (shelter or person)"),
                    text("mailingAddress.street", "5.b", "Street number and name"), text("mailingAddress.unit", "5.c", "Apt., Ste. or Flr."),
                    text("mailingAddress.city", "5.d", "City or town"), text("mailingAddress.state", "5.e", "State (IL)"),
                    text("mailingAddress.zipCode", "5.f", "ZIP code"),
                    yesNo("mailingIsPhysical", "6", "Is the mailing address the same as the physical address?")), false),
            new Group("U.S. physical address, if different", List.of(text("physicalAddress.street", "7.a", "Street number and name"),
                    text("physicalAddress.unit", "7.b", "Apt., Ste. or Flr."), text("physicalAddress.city", "7.c", "City or town"),
                    text("physicalAddress.state", "7.d", "State"), text("physicalAddress.zipCode", "7.e", "ZIP code")), false),
            new Group("About the applicant", List.of(new Input("sex", "10", "Sex", "select", List.of("female", "male")),
                    new Input("maritalStatus", "11", "Marital status", "select", List.of("single", "married", "divorced", "widowed")),
                    yesNo("previouslyFiled", "12", "Previously filed Form I-765?")), false),
            new Group("Social Security card", List.of(yesNo("ssaCardIssued", "13.a", "Has the SSA ever issued a card?"),
                    secret("ssn", "13.b", "Social Security number"), yesNo("wantsSsaCard", "14", "Wants the SSA to issue a card?"),
                    text("father.familyName", "16.a", "Father's family name"), text("father.givenName", "16.b", "Father's given name"),
                    text("mother.familyName", "17.a", "Mother's family name"), text("mother.givenName", "17.b", "Mother's given name")),
                    false),
            new Group("Citizenship and birth", List.of(text("otherCitizenship", "18.b", "Other country of citizenship (ISO code)"),
                    text("placeOfBirth.city", "19.a", "City or town of birth"), text("placeOfBirth.province", "19.b", "State or province of birth"),
                    text("placeOfBirth.country", "19.c", "Country of birth (ISO code, e.g. VE)")), false),
            new Group("Last arrival in the United States", List.of(secret("i94Number", "21.a", "I-94 number (11 characters)"),
                    secret("passportNumber", "21.b", "Passport number"), secret("travelDocumentNumber", "21.c", "Travel document number"),
                    text("documentIssuingCountry", "21.d", "Country that issued it (ISO code)"),
                    new Input("documentExpiresOn", "21.e", "Its expiration date", "date", List.of()),
                    text("lastArrivalPlace", "23", "Place of last arrival"), text("statusAtLastArrival", "24", "Status at last arrival"),
                    text("currentStatus", "25", "Current status or category")), false),
            new Group("Category question", List.of(yesNo("arrestedOrConvicted", "30", "Ever arrested for or convicted of any crime?")),
                    true));

    private final Template filing;
    private final Pages pages;
    private final IntakeApi intake;

    FilingPage(Template filing, Pages pages, @RestClient IntakeApi intake) {
        this.filing = filing;
        this.pages = pages;
        this.intake = intake;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response show(@PathParam("id") String id, @QueryParam("note") String note) {
        return Response.ok(view(id, note, null, null, null)).build();
    }

    @POST
    @Path("/form")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response saveForm(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        Map<String, String> typed = new LinkedHashMap<>();
        FORM.forEach(g -> g.inputs().forEach(i -> typed.put(i.name(), trimmed(form.getFirst(i.name())))));
        Pages.Outcome<Filing.Form> saved = pages.call(() -> intake.saveForm(id, FormJson.nest(typed, FORM)));
        if (saved.ok()) {
            return Pages.back("/applicants/" + id + "/filing", "saved");
        }
        return failed(saved, view(id, null, typed, "form", saved));
    }

    /** Item 22 is the case's own last-arrival date: set here when the case lacks it, as a correction of the case. */
    @POST
    @Path("/arrival")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response arrival(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        IntakeApi.ArrivalPatch change = new IntakeApi.ArrivalPatch(trimmed(form.getFirst("lastArrivalOn")));
        return submit(id, "arrival", () -> intake.correctArrival(id, change), "saved");
    }

    @POST
    @Path("/certifications")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response certify(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        String kind = trimmed(form.getFirst("kind"));
        IntakeApi.Certify body = new IntakeApi.Certify(kind, trimmed(form.getFirst("language")), trimmed(form.getFirst("name")),
                trimmed(form.getFirst("organization")), trimmed(form.getFirst("phone")), trimmed(form.getFirst("email")),
                trimmed(form.getFirst("guardianName")), trimmed(form.getFirst("guardianRelationship")),
                "applicant-statement".equals(kind) ? "on".equals(form.getFirst("viaInterpreter")) : null);
        return submit(id, "cert-" + kind, () -> intake.certify(id, body), "certified");
    }

    @POST
    @Path("/consents")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response consent(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        Filing.ConsentChange body = new Filing.ConsentChange(form.getFirst("kind"), "true".equals(form.getFirst("granted")), null);
        Pages.Outcome<Void> done = pages.run(() -> intake.consent(id, body));
        return Pages.back("/applicants/" + id + "/filing", done.ok() ? "done" : done.message());
    }

    /** The packet, straight from intake (which audits the download); never stored by the portal. */
    @GET
    @Path("/packet")
    @Produces({ "application/pdf", MediaType.TEXT_HTML })
    public Response packet(@PathParam("id") String id) {
        Pages.Outcome<byte[]> pdf = pages.call(() -> intake.packet(id));
        if (!pdf.ok()) {
            return failed(pdf, view(id, null, null, "packet", pdf));
        }
        return Response.ok(pdf.value(), "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"i765-packet-" + id.substring(0, Math.min(8, id.length())) + ".pdf\"")
                .header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("/record")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response record(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        Filing.Record body = new Filing.Record(trimmed(form.getFirst("method")), trimmed(form.getFirst("filedOn")),
                trimmed(form.getFirst("feeStatus")));
        return submit(id, "record", () -> intake.file(id, body), "filed");
    }

    @POST
    @Path("/receipt")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response receipt(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        IntakeApi.Receipt body = new IntakeApi.Receipt(trimmed(form.getFirst("receiptNumber")));
        return submit(id, "receipt", () -> intake.receipt(id, body), "receipt-recorded");
    }

    private TemplateInstance view(String id, String note, Map<String, String> typed, String failedSection, Pages.Outcome<?> failure) {
        Pages.Pending<Applicant> applicantCall = pages.start(() -> intake.applicant(id));
        Pages.Pending<Filing.Form> formCall = pages.start(() -> intake.form(id));
        Pages.Pending<List<Filing.Certification>> certificationsCall = pages.start(() -> intake.certifications(id));
        Pages.Pending<Filing.Consents> consentsCall = pages.start(() -> intake.consents(id));
        Pages.Outcome<Filing.Form> form = formCall.get();
        Pages.Outcome<List<Filing.Certification>> certifications = certificationsCall.get();
        Pages.Outcome<Filing.Consents> consents = consentsCall.get();
        Pages.Outcome<Applicant> applicant = applicantCall.get();
        Map<String, String> values = typed != null ? typed : form.ok() ? FormJson.flatten(form.value().answers(), FORM) : Map.of();
        List<Filing.Certification> inForce = certifications.ok()
                ? certifications.value().stream().filter(Filing.Certification::inForce).toList() : List.of();
        return pages.render(filing).data("id", id).data("note", note).data("applicant", applicant).data("form", form)
                .data("groups", FORM).data("values", values).data("inForce", inForce).data("consents", consents)
                .data("failedSection", failedSection == null ? "" : failedSection).data("failure", failure)
                .data("errors", failure == null ? Map.of() : failure.fieldErrors())
                .data("show", pages.legibleAt(applicant.ok() ? applicant.value().siteId() : null))
                .data("interpreterFields", List.of("name", "organization", "phone", "language"))
                .data("guardianFields", List.of("guardianName", "guardianRelationship"))
                .data("preparerFields", List.of("name", "organization", "phone", "email"));
    }

    /** Post/redirect/get with a note when intake accepts; the page again with intake's errors in {@code section} when not. */
    private <T> Response submit(String id, String section, java.util.function.Supplier<T> call, String note) {
        Pages.Outcome<T> done = pages.call(call);
        if (done.ok()) {
            return Pages.back("/applicants/" + id + "/filing", note);
        }
        return failed(done, view(id, null, null, section, done));
    }

    private static Response failed(Pages.Outcome<?> failure, TemplateInstance page) {
        int status = failure.status() == 503 ? 503 : failure.status() == 409 ? 409 : 422;
        return Response.status(status).type(MediaType.TEXT_HTML).entity(page).build();
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static Input text(String name, String item, String label) {
        return new Input(name, item, label, "text", List.of());
    }

    private static Input yesNo(String name, String item, String label) {
        return new Input(name, item, label, "yesno", List.of());
    }

    private static Input secret(String name, String item, String label) {
        return new Input(name, item, label, "secret", List.of());
    }
}
