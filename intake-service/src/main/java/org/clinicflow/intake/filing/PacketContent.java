package org.clinicflow.intake.filing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.clinicflow.intake.applicant.Applicant;
import org.clinicflow.intake.certification.CertificationView;
import org.clinicflow.intake.checklist.ChecklistItems;
import org.clinicflow.intake.eligibility.EligibilityDecision;

/**
 * Everything the packet prints, gathered once: the case, its A-number and document numbers in
 * clear (the packet is the copy that is filed), the answers, today's fees, the checklist, the
 * certifications and consents in force, and who prepared it when.
 */
record PacketContent(Applicant applicant, String aNumber, FormRequest answers, Map<String, String> numbers,
        EligibilityDecision decision, List<ChecklistItems.Item> checklist, List<CertificationView> certifications,
        Map<String, Boolean> consents, String preparedBy, Instant preparedAt, LocalDate today, String helpPhone) {
}
