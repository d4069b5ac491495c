package org.clinicflow.notification.retention;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.clinicflow.audit.retention.NamedDataClass;
import org.clinicflow.notification.webhook.InboundReply;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Applicants' replies, which may hold free text: after {@code clinic.retention.replies} (default
 * 7 days) the phone number and the text are purged; the intent read from them stays. Tested by
 * {@code NotificationFlowTest}.
 */
@ApplicationScoped
public class Replies extends NamedDataClass {

    Replies(@ConfigProperty(name = "clinic.retention.replies", defaultValue = "P7D") Duration period) {
        super("replies", "Applicants' SMS replies: phone number and text purged; the intent kept", period);
    }

    @Override
    public long due(Instant cutoff) {
        return InboundReply.count("receivedAt < ?1 and (phone is not null or body is not null)", cutoff);
    }

    @Override
    public int purge(Instant cutoff, int limit) {
        return InboundReply.getEntityManager().createNativeQuery("UPDATE inbound_reply SET phone = NULL, body = NULL WHERE id IN"
                + " (SELECT id FROM inbound_reply WHERE received_at < ?1 AND (phone IS NOT NULL OR body IS NOT NULL)"
                + " ORDER BY received_at LIMIT ?2)").setParameter(1, java.sql.Timestamp.from(cutoff)).setParameter(2, limit).executeUpdate();
    }
}
