package org.clinicflow.intake.applicant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.clinicflow.intake.eligibility.ApplicantFacts;
import org.clinicflow.intake.eligibility.Category;
import org.clinicflow.intake.stage.Stage;

/**
 * The case: one applicant's identity, contact, category facts and stage, owned by intake.
 * The A-number is held only encrypted, with a fingerprint and its last four digits.
 */
@Entity
@Table(name = "applicant")
public class Applicant extends PanacheEntityBase {

    @Id
    public UUID id;
    public String givenName;
    public String familyName;
    public String givenKey;
    public String familyKey;
    public LocalDate dateOfBirth;
    public String countryOfCitizenship;
    public String preferredLanguage;
    @Column(name = "phone_e164")
    public String phone;
    public String phoneRegion;
    public boolean smsConsent;
    public String smsConsentRecordedBy;
    public Instant smsConsentRecordedAt;
    public byte[] aNumberCipher;
    /** The identity key version that sealed the A-number; null: sealed before key versions (key 1, no associated data). */
    public Integer aNumberKeyVersion;
    public String aNumberFingerprint;
    @Column(name = "a_number_last4")
    public String aNumberLast4;
    public UUID householdId;
    public String siteId;
    public String category;
    public LocalDate asylumFiledOn;
    public LocalDate asylumLodgedOn;
    public int clockStoppedDays;
    public LocalDate lastArrivalOn;
    public LocalDate paroleEndDate;
    public String paroleProgram;
    public String tpsCountry;
    public boolean priorEad;
    @Enumerated(EnumType.STRING)
    public ApplicantFacts.FeeWaiverBasis feeWaiverBasis;
    @Enumerated(EnumType.STRING)
    public ApplicantFacts.FilingMethod filingMethod;
    @Column(name = "stage")
    public String stageCode;
    public String holdReason;
    /** What put the case on hold: a policy action's id; null when not on hold. */
    public String holdReference;
    public String stageBeforeHold;
    /** The last eligibility decision announced: its status, earliest filing date and a signature of all it said. */
    public String eligibilityStatus;
    public LocalDate earliestFilingDate;
    public String eligibilitySignature;
    /** A supervisor who approved booking despite the decision, and why. */
    public String overrideApprovedBy;
    public String overrideReason;
    public String receiptNumber;
    public java.time.Instant receiptRecordedAt;
    /** The filing: its date, method ({@code paper}, {@code online}) and fee ({@code paid}, {@code waiver-requested}). */
    public LocalDate filedOn;
    /** USCIS's status as the tracking service last read it: the clinic's code, USCIS's wording, USCIS's date. */
    @jakarta.persistence.Column(name = "uscis_status")
    public String uscisStatus;
    @jakarta.persistence.Column(name = "uscis_status_title")
    public String uscisStatusTitle;
    @jakarta.persistence.Column(name = "uscis_status_date")
    public LocalDate uscisStatusDate;
    public String filedMethod;
    public String feeStatus;
    public boolean documentsReady;
    public String createdBy;
    public Instant createdAt;
    public Instant updatedAt;
    @Version
    public long version;

    public Stage stage() {
        return Stage.fromCode(stageCode).orElseThrow();
    }

    public void moveTo(Stage stage) {
        this.stageCode = stage.code();
    }

    public ApplicantFacts facts() {
        return new ApplicantFacts(Category.fromCode(category).orElseThrow(), asylumFiledOn, asylumLodgedOn,
                clockStoppedDays, lastArrivalOn, paroleEndDate, paroleProgram, tpsCountry, priorEad, feeWaiverBasis,
                filingMethod);
    }
}
