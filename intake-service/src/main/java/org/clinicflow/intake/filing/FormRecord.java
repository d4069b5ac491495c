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
    public String updatedBy;
    public Instant updatedAt;
    @Version
    public long version;
}
