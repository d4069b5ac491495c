package org.clinicflow.document.checklist;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** An applicant's checklist, with the routing facts the document service keeps from intake's events. */
@Entity
@Table(name = "checklist")
public class Checklist extends PanacheEntityBase {

    @Id
    public UUID applicantId;
    public UUID householdId;
    public String siteId;
    public String category;
    public String preferredLanguage;
    public boolean priorEad;
    public boolean feeWaiverClaimed;
    public String templateVersion;
    public boolean ready;
    public boolean withdrawn;
    public Instant openedAt;
    public Instant updatedAt;
    @Version
    public long version;
}
