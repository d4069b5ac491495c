package org.clinicflow.scheduling.booking;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * What scheduling knows of an applicant from the documents service: site, language, household,
 * whether documents are ready; {@code waitlistedAt} is set while a ready applicant waits for a seat.
 */
@Entity
@Table(name = "ready_applicant")
public class ReadyApplicant extends PanacheEntityBase {

    @Id
    public UUID applicantId;
    public UUID householdId;
    public String siteId;
    public String language;
    public boolean ready;
    public boolean withdrawn;
    public Instant waitlistedAt;
    /** Why they wait: no-free-slot, not-yet-eligible, on-hold, not-eligible, eligibility-undetermined, eligibility-pending. */
    public String waitlistReason;
    public java.time.LocalDate eligibleFrom;
    public Instant updatedAt;
}
