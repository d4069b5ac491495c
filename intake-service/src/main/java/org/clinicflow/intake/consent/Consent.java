package org.clinicflow.intake.consent;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One entry of a case's consent ledger: a consent of one kind given or withdrawn, by whom, when and how. Never edited. */
@Entity
@Table(name = "consent")
public class Consent extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID applicantId;
    public String kind;
    public boolean granted;
    /** How: {@code in-person}, {@code in-writing} or {@code by-sms}. */
    public String method;
    public String recordedBy;
    public Instant recordedAt;
}
