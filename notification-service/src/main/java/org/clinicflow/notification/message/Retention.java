package org.clinicflow.notification.message;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Forgets message texts and phone numbers once they have served: messages settled (delivered,
 * undelivered, failed, suppressed, or sent without a receipt) longer than
 * {@code clinic.notification.retention} ago (default 7 days, like government SMS services) lose
 * their phone and body; free-text replies lose theirs. Statuses and times stay for the counts.
 */
@ApplicationScoped
public class Retention {

    private final Duration retention;

    Retention(@ConfigProperty(name = "clinic.notification.retention", defaultValue = "P7D") Duration retention) {
        this.retention = retention;
    }

    @Scheduled(every = "1h", delayed = "1m", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void hourly() {
        purge(Instant.now().minus(retention));
    }

    /** Purges what settled before {@code cutoff}; returns how many messages it purged. */
    @Transactional
    public int purge(Instant cutoff) {
        int messages = Message.update("phone = null, body = null, purged = true where purged = false "
                + "and status in ('sent', 'delivered', 'undelivered', 'failed', 'suppressed') and createdAt < ?1", cutoff);
        org.clinicflow.notification.webhook.InboundReply.update("phone = null, body = null where receivedAt < ?1 and "
                + "(phone is not null or body is not null)", cutoff);
        return messages;
    }
}
