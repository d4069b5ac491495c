package org.clinicflow.intake.filing;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * A case's I-765 answers as stored: the plain answers as JSON (a {@link FormRequest} without
 * its numbers) and each document number as ciphertext with its last four characters.
 */
@Entity
@Table(name = "i765_form")
public class FormRecord extends PanacheEntityBase {

    @Id
    public UUID applicantId;
    public String answers;
    @Column(name = "i94_cipher")
    public byte[] i94Cipher;
    @Column(name = "i94_last4")
    public String i94Last4;
    public byte[] passportCipher;
    @Column(name = "passport_last4")
    public String passportLast4;
    public byte[] travelDocCipher;
    @Column(name = "travel_doc_last4")
    public String travelDocLast4;
    public byte[] ssnCipher;
    @Column(name = "ssn_last4")
    public String ssnLast4;
    /** The identity key version that sealed the row's numbers (all of them: a save re-seals them together). */
    public Integer keyVersion;
    public String updatedBy;
    public Instant updatedAt;
    @Version
    public long version;

    /** The four document-number fields, by the name the API gives them. */
    public static final java.util.List<String> NUMBER_FIELDS = java.util.List.of("i94Number", "passportNumber",
            "travelDocumentNumber", "ssn");

    public byte[] cipher(String field) {
        return switch (field) {
            case "i94Number" -> i94Cipher;
            case "passportNumber" -> passportCipher;
            case "travelDocumentNumber" -> travelDocCipher;
            case "ssn" -> ssnCipher;
            default -> throw new IllegalArgumentException(field);
        };
    }

    public String lastFour(String field) {
        return switch (field) {
            case "i94Number" -> i94Last4;
            case "passportNumber" -> passportLast4;
            case "travelDocumentNumber" -> travelDocLast4;
            case "ssn" -> ssnLast4;
            default -> throw new IllegalArgumentException(field);
        };
    }

    public void set(String field, byte[] cipher, String lastFour) {
        switch (field) {
            case "i94Number" -> { i94Cipher = cipher; i94Last4 = lastFour; }
            case "passportNumber" -> { passportCipher = cipher; passportLast4 = lastFour; }
            case "travelDocumentNumber" -> { travelDocCipher = cipher; travelDocLast4 = lastFour; }
            case "ssn" -> { ssnCipher = cipher; ssnLast4 = lastFour; }
            default -> throw new IllegalArgumentException(field);
        }
    }
}
