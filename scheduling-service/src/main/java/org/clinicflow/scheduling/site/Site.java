package org.clinicflow.scheduling.site;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.ZoneId;

/** A clinic site: its id (the one intake registers applicants at), name, address and time zone. */
@Entity
@Table(name = "site")
public class Site extends PanacheEntityBase {

    @Id
    public String id;
    public String name;
    public String address;
    public String timeZone;
    public Instant createdAt;

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }
}
