package org.clinicflow.intake.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One read or change of a case by a person. Rows are never updated or deleted (a trigger refuses it). */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_entry_ids")
    @SequenceGenerator(name = "audit_entry_ids", sequenceName = "audit_entry_ids", allocationSize = 50)
    public Long id;
    public UUID applicantId;
    public String actor;
    public String action;
    /** Names of fields or filters involved, never their values. */
    public String detail;
    public Instant at;
}
