package org.clinicflow.intake.filing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clinicflow.intake.applicant.Applicant;
import org.clinicflow.intake.eligibility.Category;
import org.clinicflow.intake.identity.ANumber;

/**
 * A case's I-765 as the portal shows it: the answers the case already holds (name, birth date,
 * citizenship, A-number masked, category, last arrival), the preparer's answers with document
 * numbers masked, and how complete the filing is, item by item.
 */
public record FormView(UUID applicantId, String layout, FromCase fromCase, FormRequest answers,
        Map<String, String> numbersOnFile, List<Readiness.Requirement> requirements, int met, int total, boolean complete,
        String updatedBy, Instant updatedAt) {

    /** Answers taken from the case itself: corrected on the case, not on the form. */
    public record FromCase(String reason, String familyName, String givenName, String aNumber, LocalDate dateOfBirth,
            String countryOfCitizenship, String category, LocalDate lastArrivalOn) {

        static FromCase of(Applicant a) {
            return new FromCase(a.priorEad ? "renewal" : "initial", a.familyName, a.givenName,
                    a.aNumberLast4 == null ? null : ANumber.mask(a.aNumberLast4), a.dateOfBirth, a.countryOfCitizenship,
                    Category.fromCode(a.category).map(Category::formNotation).orElse(a.category), a.lastArrivalOn);
        }
    }

    static FormView of(Applicant a, java.util.Optional<FormRecord> record, FormRequest answers, Readiness readiness) {
        return new FormView(a.id, FormItems.LAYOUT, FromCase.of(a), answers, FormService.numbersMasked(record),
                readiness.requirements(), readiness.met(), readiness.total(), readiness.complete(),
                record.map(r -> r.updatedBy).orElse(null), record.map(r -> r.updatedAt).orElse(null));
    }
}
