package org.clinicflow.notification.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An SMS an applicant sent: its intent when recognised; free text is kept for a caseworker. */
@Entity
@Table(name = "inbound_reply")
public class InboundReply extends PanacheEntityBase {

    @Id
    public UUID id;
    public String providerId;
    public String phone;
    public UUID applicantId;
    public String body;
    public String intent;
    public Instant receivedAt;
}
