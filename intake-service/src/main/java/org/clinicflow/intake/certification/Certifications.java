package org.clinicflow.intake.certification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clinicflow.intake.applicant.Applicant;
import org.clinicflow.intake.audit.AuditLog;
import org.clinicflow.intake.identity.PhoneNumbers;
import org.clinicflow.web.problem.FieldErrors;
import org.clinicflow.web.problem.Problem.FieldError;
import org.clinicflow.web.time.ClinicClock;

/**
 * Records certifications as they are given and answers which are in force. Each kind needs its
 * own fields (the interpreter's language and contact, the preparer's organization and contact);
 * an applicant under 14 on the day signs through a parent or legal guardian, and one of 14 or
 * over may not. A correction is a new row; the newest of a kind counts. Tested by
 * {@code FilingApiTest}.
 */
@ApplicationScoped
public class Certifications {

    static final int GUARDIAN_SIGNS_UNDER = 14;

    private final Validator validator;
    private final AuditLog audit;
    private final ClinicClock clock;

    Certifications(Validator validator, AuditLog audit, ClinicClock clock) {
        this.validator = validator;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Certification record(Applicant a, CertificationRequest r, String actor) {
        FieldErrors.requireNone(validator, r, rules(a, r));
        CertificationKind kind = CertificationKind.fromCode(r.kind()).orElseThrow();
        Certification c = new Certification();
        c.id = UUID.randomUUID();
        c.applicantId = a.id;
        c.kind = kind.code();
        c.textVersion = kind.textVersion();
        c.language = trim(r.language());
        c.viaInterpreter = kind == CertificationKind.APPLICANT_STATEMENT && Boolean.TRUE.equals(r.viaInterpreter());
        c.personName = trim(r.name());
        c.organization = trim(r.organization());
        c.phone = r.phone() == null || r.phone().isBlank() ? null : PhoneNumbers.toE164(r.phone(), PhoneNumbers.DEFAULT_REGION).orElseThrow();
        c.email = trim(r.email());
        c.guardianName = trim(r.guardianName());
        c.guardianRelationship = trim(r.guardianRelationship());
        c.recordedBy = actor;
        c.recordedAt = clock.now();
        c.persist();
        audit.record(a.id, actor, "certify", kind.code() + " " + kind.textVersion());
        return c;
    }

    /** The certification in force of each kind. */
    public Map<CertificationKind, Certification> current(UUID applicantId) {
        Map<CertificationKind, Certification> current = new EnumMap<>(CertificationKind.class);
        for (Certification c : history(applicantId)) {
            current.put(c.kindOf(), c); // oldest first: the newest wins
        }
        return current;
    }

    public List<Certification> history(UUID applicantId) {
        return Certification.list("applicantId = ?1 order by recordedAt, id", applicantId);
    }

    private List<FieldError> rules(Applicant a, CertificationRequest r) {
        List<FieldError> errors = new ArrayList<>();
        CertificationKind kind = r.kind() == null ? null : CertificationKind.fromCode(r.kind()).orElse(null);
        if (kind == null) {
            return errors;
        }
        switch (kind) {
            case APPLICANT_STATEMENT -> {
                required(errors, "language", r.language(), "the language the form was read to the applicant in");
                if (r.viaInterpreter() == null) {
                    errors.add(new FieldError("viaInterpreter", "is required: true when the interpreter of Part 4 read the form"));
                }
                boolean child = Period.between(a.dateOfBirth, clock.today()).getYears() < GUARDIAN_SIGNS_UNDER;
                if (child) {
                    required(errors, "guardianName", r.guardianName(), "a parent or legal guardian signs for a child under 14");
                    required(errors, "guardianRelationship", r.guardianRelationship(), "parent or legal-guardian");
                } else if (present(r.guardianName()) || present(r.guardianRelationship())) {
                    errors.add(new FieldError(present(r.guardianName()) ? "guardianName" : "guardianRelationship",
                            "only for an applicant under 14: this applicant signs for themself"));
                }
            }
            case INTERPRETER -> {
                required(errors, "name", r.name(), "the interpreter's name");
                required(errors, "language", r.language(), "the language interpreted");
                contact(errors, r);
            }
            case PREPARER -> {
                required(errors, "name", r.name(), "the preparer's name");
                required(errors, "organization", r.organization(), "the preparer's organization");
                contact(errors, r);
            }
        }
        return errors;
    }

    private static void contact(List<FieldError> errors, CertificationRequest r) {
        if (!present(r.phone())) {
            errors.add(new FieldError("phone", "is required: a daytime phone number"));
        } else if (PhoneNumbers.toE164(r.phone(), PhoneNumbers.DEFAULT_REGION).isEmpty()) {
            errors.add(new FieldError("phone", "must be a phone number, such as (312) 555-0100"));
        }
    }

    private static void required(List<FieldError> errors, String field, String value, String what) {
        if (!present(value)) {
            errors.add(new FieldError(field, "is required: " + what));
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static String trim(String value) {
        return present(value) ? value.trim() : null;
    }
}
