package org.clinicflow.notification.message;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One SMS: recorded (status {@code pending}) before any gateway call, in the transaction of the
 * event that causes it, under an id derived from that event and the template, so it can exist
 * only once. Then {@code sending}, {@code sent}, {@code delivered} / {@code undelivered} /
 * {@code failed}, or {@code suppressed} (no consent, no phone, opted out: never sent).
 */
@Entity
@Table(name = "message")
public class Message extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID applicantId;
    public String templateKey;
    public String language;
    public String phone;
    public String body;
    public int segments;
    public String status;
    public Instant notBefore;
    public int attempts;
    public String providerId;
    public String errorCode;
    public Instant createdAt;
    public Instant sendingAt;
    public Instant sentAt;
    public Instant deliveredAt;
    public boolean purged;

    /** These messages by id, loaded into the transaction's persistence context in one query. */
    public static Map<UUID, Message> byId(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return Message.<Message>list("id in ?1", ids).stream()
                .collect(Collectors.toMap(m -> m.id, m -> m));
    }
}
