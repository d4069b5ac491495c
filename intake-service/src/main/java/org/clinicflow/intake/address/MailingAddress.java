package org.clinicflow.intake.address;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One address in a case's history: the one on the form at filing, or a move, from the date it took effect. */
@Entity
@Table(name = "mailing_address")
public class MailingAddress extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "applicant_id")
    public UUID applicantId;

    /** {@code filing} or {@code move}. */
    public String reason;

    @Column(name = "in_care_of")
    public String inCareOf;

    public String street;

    public String unit;

    public String city;

    public String state;

    @Column(name = "zip_code")
    public String zipCode;

    @Column(name = "effective_on")
    public LocalDate effectiveOn;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    @Column(name = "recorded_by")
    public String recordedBy;
}
