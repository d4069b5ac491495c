package org.clinicflow.portal.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A case as intake-service answers it ({@code ApplicantView}): the fields the portal shows, the
 * A-number already masked. Unknown fields are ignored, so intake may add fields without breaking
 * the portal; a renamed field here breaks the templates' build. Mapped in {@code CasePageTest}.
 */
public record Applicant(UUID id, String givenName, String familyName, LocalDate dateOfBirth, String countryOfCitizenship,
        String preferredLanguage, String phone, boolean smsConsent, String aNumber, UUID householdId, String siteId,
        String category, String stage, String holdReason, String receiptNumber, Eligibility eligibility, Instant createdAt,
        String eligibilityStatus, String overrideApprovedBy, String overrideReason, LocalDate filedOn, String filedMethod, String feeStatus,
        String uscisStatus, String uscisStatusTitle, LocalDate uscisStatusDate) {

    public String name() {
        return givenName + " " + familyName;
    }

    /** Filed (on paper or online) and waiting for USCIS's receipt number. */
    public boolean awaitsReceipt() {
        return filedOn != null && (receiptNumber == null || receiptNumber.isBlank());
    }
}
