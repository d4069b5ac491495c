package org.clinicflow.notification.retention;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.clinicflow.audit.retention.NamedDataClass;
import org.clinicflow.notification.message.Message;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Texts that have served: messages settled (delivered, undelivered, failed, suppressed, or sent
 * without a receipt) longer than {@code clinic.retention.messages} ago (default 7 days, like
 * government SMS services) lose their phone number and body; status and times stay for the
 * counts. Tested by {@code NotificationFlowTest}.
 */
@ApplicationScoped
public class SentMessages extends NamedDataClass {

    private static final String DUE = "purged = false and status in ('sent', 'delivered', 'undelivered', 'failed', 'suppressed')"
            + " and createdAt < ?1";

    SentMessages(@ConfigProperty(name = "clinic.retention.messages", defaultValue = "P7D") Duration period) {
        super("messages", "Settled text messages: phone number and body purged; status and times kept", period);
    }

    @Override
    public long due(Instant cutoff) {
        return Message.count(DUE, cutoff);
    }

    @Override
    public int purge(Instant cutoff, int limit) {
        return Message.getEntityManager().createNativeQuery("UPDATE message SET phone = NULL, body = NULL, purged = true WHERE id IN"
                + " (SELECT id FROM message WHERE NOT purged AND status IN ('sent', 'delivered', 'undelivered', 'failed', 'suppressed')"
                + " AND created_at < ?1 ORDER BY created_at LIMIT ?2)")
                .setParameter(1, java.sql.Timestamp.from(cutoff)).setParameter(2, limit).executeUpdate();
    }
}
