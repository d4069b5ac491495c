package org.clinicflow.tracking.tracked;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A filed case the tracker follows: its receipt number, the last status USCIS gave (the clinic's
 * code and USCIS's title), when it was last asked and when it is due again. Closed once the
 * card is delivered, the case ends, or the applicant withdraws.
 */
@Entity
@Table(name = "tracked_case")
public class TrackedCase extends PanacheEntityBase {

    @Id
    @Column(name = "applicant_id")
    public UUID applicantId;

    @Column(name = "receipt_number")
    public String receiptNumber;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    public String status;

    @Column(name = "uscis_status")
    public String uscisStatus;

    @Column(name = "status_date")
    public LocalDate statusDate;

    @Column(name = "status_changed_at")
    public Instant statusChangedAt;

    @Column(name = "last_checked_at")
    public Instant lastCheckedAt;

    @Column(name = "next_check_at")
    public Instant nextCheckAt;

    public int checks;

    public int failures;

    /** Its share of the quota, from {@code PollSchedule.weight}; recomputed at every check. */
    public double weight = 4;

    public boolean closed;

    @Version
    public long version;
}
