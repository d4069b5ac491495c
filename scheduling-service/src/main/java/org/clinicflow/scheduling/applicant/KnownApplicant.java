package org.clinicflow.scheduling.applicant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An applicant as intake announced them: their site, household and language, eligibility, and whether they withdrew. */
@Entity
@Table(name = "known_applicant")
public class KnownApplicant extends PanacheEntityBase {

    @Id
    public UUID applicantId;
    public String siteId;
    public UUID householdId;
    public String preferredLanguage;
    public boolean withdrawn;
    /** Intake's last eligibility decision: its status code (null until the first arrives), first filing date, hold. */
    public String eligibilityStatus;
    public java.time.LocalDate eligibleFrom;
    public String holdReference;
    public boolean overridden;
    /** When intake filed the case (it leaves the backlog). */
    public Instant filedAt;
    public Instant updatedAt;
}
