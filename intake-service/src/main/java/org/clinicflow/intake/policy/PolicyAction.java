package org.clinicflow.intake.policy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A supervisor's hold or lift over every case a rule affects, and how far it has run. */
@Entity
@Table(name = "policy_action")
public class PolicyAction extends PanacheEntityBase {

    public static final String HOLD = "hold";
    public static final String LIFT = "lift";

    @Id
    public UUID id;
    public String ruleId;
    public String action;
    public String reason;
    /** queued, running, done, failed (run it again: actions are idempotent) */
    public String status;
    public int total;
    public int processed;
    public int changed;
    public String requestedBy;
    public Instant requestedAt;
    public Instant finishedAt;
}
