package org.clinicflow.scheduling.applicant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An applicant as intake announced them: their site, household and language, and whether they withdrew. */
@Entity
@Table(name = "known_applicant")
public class KnownApplicant extends PanacheEntityBase {

    @Id
    public UUID applicantId;
    public String siteId;
    public UUID householdId;
    public String preferredLanguage;
    public boolean withdrawn;
    public Instant updatedAt;
}
