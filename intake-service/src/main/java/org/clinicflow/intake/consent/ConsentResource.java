package org.clinicflow.intake.consent;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.clinicflow.intake.applicant.Applicant;
import org.clinicflow.intake.applicant.ApplicantService;
import org.clinicflow.intake.applicant.CaseAccess;
import org.clinicflow.intake.audit.AuditLog;
import org.clinicflow.web.problem.Problem;
import org.clinicflow.web.problem.ProblemException;
import org.clinicflow.web.security.ClinicRoles;

/**
 * A case's consent ledger: what is in force and every grant and withdrawal (who, when, how), and
 * a new entry.
 * An SMS consent changes the case's contact point too (the notification service hears of it);
 * a disclosure consent answers I-765 Part 2, Item 15. Tested by {@code FilingApiTest}.
 */
@Path("/api/applicants/{id}/consents")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(ClinicRoles.CASEWORKER)
public class ConsentResource {

    /** A consent given ({@code granted} true) or withdrawn. */
    public record ConsentRequest(
            @NotNull(message = "is required: sms or ssa-disclosure")
            @Pattern(regexp = "sms|ssa-disclosure", message = "must be sms or ssa-disclosure") String kind,
            @NotNull(message = "is required: true to give the consent, false to withdraw it") Boolean granted,
            @Pattern(regexp = "in-person|in-writing|by-sms", message = "must be in-person, in-writing or by-sms") String method) {
    }

    public record Entry(UUID id, String kind, boolean granted, String method, String recordedBy, Instant recordedAt) {
    }

    public record Ledger(Map<String, Boolean> inForce, List<Entry> history) {
    }

    private final ConsentLedger ledger;
    private final ApplicantService applicants;
    private final CaseAccess access;
    private final AuditLog audit;

    ConsentResource(ConsentLedger ledger, ApplicantService applicants, CaseAccess access, AuditLog audit) {
        this.ledger = ledger;
        this.applicants = applicants;
        this.access = access;
        this.audit = audit;
    }

    @GET
    @Transactional
    public Ledger list(@PathParam("id") String id) {
        Applicant a = access.require(id);
        Map<String, Boolean> inForce = new TreeMap<>();
        for (ConsentKind kind : ConsentKind.values()) {
            inForce.put(kind.code(), ledger.granted(a.id, kind));
        }
        List<Entry> history = ledger.history(a.id).stream()
                .map(c -> new Entry(c.id, c.kind, c.granted, c.method, c.recordedBy, c.recordedAt)).toList();
        return new Ledger(inForce, history);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Ledger record(@PathParam("id") String id, @Valid @NotNull(message = "is required") ConsentRequest request) {
        Applicant a = access.require(id);
        if (a.stage().isFinal() && request.granted()) {
            throw new ProblemException(Problem.of(Response.Status.CONFLICT, "case-closed", "The case is already " + a.stageCode + "."));
        }
        ConsentKind kind = ConsentKind.fromCode(request.kind()).orElseThrow();
        if (kind == ConsentKind.SMS && request.granted() && a.phone == null) {
            throw new ProblemException(Problem.invalid(List.of(new Problem.FieldError("kind",
                    "the case has no phone number: record one on the case before consenting to SMS"))));
        }
        String method = request.method() == null ? "in-person" : request.method();
        if (kind == ConsentKind.SMS) {
            applicants.changeSmsConsent(a.id, request.granted(), access.actor(), method);
        } else {
            ledger.record(a.id, kind, request.granted(), access.actor(), method);
            audit.record(a.id, access.actor(), request.granted() ? "grant-consent" : "withdraw-consent", kind.code());
        }
        return list(id);
    }
}
