package org.clinicflow.intake.filing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.clinicflow.intake.applicant.Applicant;
import org.clinicflow.intake.audit.AuditLog;
import org.clinicflow.intake.certification.CertificationView;
import org.clinicflow.intake.certification.Certifications;
import org.clinicflow.intake.checklist.ChecklistItems;
import org.clinicflow.intake.consent.ConsentKind;
import org.clinicflow.intake.consent.ConsentLedger;
import org.clinicflow.intake.eligibility.CaseDecision;
import org.clinicflow.intake.eligibility.CaseEligibility;
import org.clinicflow.intake.identity.ANumberProtector;
import org.clinicflow.web.crypto.Sha256;
import org.clinicflow.web.problem.Problem;
import org.clinicflow.web.problem.ProblemException;
import org.clinicflow.web.time.ClinicClock;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Produces a case's filing packet, only when the case is complete (otherwise a 409 naming every
 * missing item). The PDF is built in memory and handed to the caller, never written to disk;
 * each download goes on the case's audit trail with the packet's SHA-256, so a printed copy can
 * be matched to who produced it. Tested by {@code FilingApiTest}.
 */
@ApplicationScoped
public class Packets {

    private final FilingReadiness readiness;
    private final FormService forms;
    private final Certifications certifications;
    private final ConsentLedger consents;
    private final ChecklistItems checklist;
    private final CaseEligibility eligibility;
    private final ANumberProtector aNumbers;
    private final AuditLog audit;
    private final ClinicClock clock;
    private final String helpPhone;

    Packets(FilingReadiness readiness, FormService forms, Certifications certifications, ConsentLedger consents,
            ChecklistItems checklist, CaseEligibility eligibility, ANumberProtector aNumbers, AuditLog audit, ClinicClock clock,
            @ConfigProperty(name = "clinic.intake.help-phone") String helpPhone) {
        this.readiness = readiness;
        this.forms = forms;
        this.certifications = certifications;
        this.consents = consents;
        this.checklist = checklist;
        this.eligibility = eligibility;
        this.aNumbers = aNumbers;
        this.audit = audit;
        this.clock = clock;
        this.helpPhone = helpPhone;
    }

    @Transactional
    public byte[] render(Applicant a, String actor) {
        CaseDecision decision = eligibility.decide(a);
        requireComplete(readiness.of(a, decision));
        Optional<FormRecord> record = forms.find(a);
        Map<String, Boolean> inForce = new TreeMap<>();
        for (ConsentKind kind : ConsentKind.values()) {
            inForce.put(kind.code(), consents.granted(a.id, kind));
        }
        var current = certifications.current(a.id).values().stream().map(c -> CertificationView.of(c, true)).toList();
        PacketContent content = new PacketContent(a, a.aNumberCipher == null ? null : aNumbers.decrypt(a.aNumberCipher, a.aNumberKeyVersion, a.id).formatted(),
                forms.answers(record), forms.numbersInClear(record), decision.decision(), checklist.of(a.id), current,
                inForce, actor, clock.now(), clock.today(), helpPhone);
        byte[] pdf = PacketPdf.render(content);
        audit.record(a.id, actor, "download-packet", "sha256=" + Sha256.hex(pdf));
        return pdf;
    }

    /** 409 naming every missing item, when anything is. */
    static void requireComplete(Readiness readiness) {
        if (!readiness.complete()) {
            throw new ProblemException(Problem.of(Response.Status.CONFLICT, "filing-incomplete",
                    readiness.missing().size() + " of " + readiness.total() + " items are missing; each is named in errors.")
                    .withErrors(readiness.missingAsErrors()));
        }
    }
}
