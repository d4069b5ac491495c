package org.clinicflow.scheduling.site;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A start time within a session, with as many seats as the session has stations. */
@Entity
@Table(name = "slot")
public class Slot extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID sessionId;
    public String siteId;
    public Instant startsAt;
    public int capacity;
    /** Maintained only by {@code Seats}, in SQL, under the table's CHECK constraint. */
    public int booked;
}
