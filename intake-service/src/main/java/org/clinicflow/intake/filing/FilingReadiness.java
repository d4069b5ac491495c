package org.clinicflow.intake.filing;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import org.clinicflow.intake.applicant.Applicant;
import org.clinicflow.intake.certification.Certification;
import org.clinicflow.intake.certification.CertificationKind;
import org.clinicflow.intake.certification.Certifications;
import org.clinicflow.intake.consent.ConsentKind;
import org.clinicflow.intake.consent.ConsentLedger;
import org.clinicflow.intake.eligibility.CaseDecision;
import org.clinicflow.intake.eligibility.CaseEligibility;

/**
 * Says whether a case can be filed and what is missing: the form's required items for its
 * category ({@link FormRules}), the applicant's statement given after the latest answers, the
 * interpreter's certification in the language the statement was read in, the preparer's, the
 * document checklist complete, and an eligible decision (or a supervisor's approval) today.
 * Tested by {@code FilingApiTest}.
 */
@ApplicationScoped
public class FilingReadiness {

    private final FormService forms;
    private final Certifications certifications;
    private final ConsentLedger consents;
    private final CaseEligibility eligibility;

    FilingReadiness(FormService forms, Certifications certifications, ConsentLedger consents, CaseEligibility eligibility) {
        this.forms = forms;
        this.certifications = certifications;
        this.consents = consents;
        this.eligibility = eligibility;
    }

    public Readiness of(Applicant a) {
        return of(a, eligibility.decide(a));
    }

    /** The same, with today's decision already made (the packet prints it too). */
    public Readiness of(Applicant a, CaseDecision decision) {
        Optional<FormRecord> record = forms.find(a);
        Readiness.Builder out = new Readiness.Builder();
        FormRules.required(forms.answers(record), forms.onFile(record), a, consents.granted(a.id, ConsentKind.SSA_DISCLOSURE), out);
        Map<CertificationKind, Certification> current = certifications.current(a.id);
        Certification statement = current.get(CertificationKind.APPLICANT_STATEMENT);
        boolean statementAfterAnswers = statement != null
                && record.map(r -> !statement.recordedAt.isBefore(r.updatedAt)).orElse(true);
        out.need("certifications.applicant-statement", statementAfterAnswers, statement == null
                ? "the applicant's statement (Part 3), read to them in their language"
                : "the applicant's statement again: the answers changed after it was given");
        if (statement != null && statement.viaInterpreter) {
            Certification interpreter = current.get(CertificationKind.INTERPRETER);
            out.need("certifications.interpreter", interpreter != null && interpreter.language != null
                    && interpreter.language.equalsIgnoreCase(statement.language),
                    "the interpreter's certification for " + statement.language);
        }
        out.need("certifications.preparer", current.containsKey(CertificationKind.PREPARER), "the preparer's certification (Part 5)");
        out.need("documents", a.documentsReady, "every document on the checklist verified or waived");
        out.need("eligibility", "eligible".equals(decision.statusCode()) || decision.overridden(),
                "an eligible decision on the filing date (today it is " + decision.statusCode().replace('_', ' ')
                        + "), or a supervisor's approval");
        return out.build();
    }
}
