package org.clinicflow.notification.gateway;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An SMS the development gateway "sent": what a phone would have received. */
@Entity
@Table(name = "dev_sms")
public class DevSms extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID reference;
    @Column(name = "to_phone")
    public String to;
    public String body;
    public String language;
    public String status;
    public Instant createdAt;
}
