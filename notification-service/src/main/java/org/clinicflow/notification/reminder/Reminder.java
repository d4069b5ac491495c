package org.clinicflow.notification.reminder;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A reminder due before an appointment (24 h, 2 h); cancelled when the appointment moves or ends. */
@Entity
@Table(name = "reminder")
public class Reminder extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID applicantId;
    public UUID appointmentId;
    public String kind;
    public Instant dueAt;
    public Instant startsAt;
    public String siteName;
    public String siteAddress;
    public String timeZone;
    /** pending, sent, cancelled. */
    public String status;
}
