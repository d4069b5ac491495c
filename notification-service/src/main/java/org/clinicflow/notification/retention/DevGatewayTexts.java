package org.clinicflow.notification.retention;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.clinicflow.audit.retention.NamedDataClass;
import org.clinicflow.notification.gateway.DevSms;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The development gateway's inbox (the local stack's stand-in for the SMS provider): its rows
 * hold phone numbers and texts, so they go after {@code clinic.retention.dev-gateway} (default 7
 * days) like real messages. Tested by {@code NotificationFlowTest}.
 */
@ApplicationScoped
public class DevGatewayTexts extends NamedDataClass {

    DevGatewayTexts(@ConfigProperty(name = "clinic.retention.dev-gateway", defaultValue = "P7D") Duration period) {
        super("dev-gateway", "Texts in the development gateway's inbox (local stack only): deleted", period);
    }

    @Override
    public long due(Instant cutoff) {
        return DevSms.count("createdAt < ?1", cutoff);
    }

    @Override
    public int purge(Instant cutoff, int limit) {
        return DevSms.getEntityManager().createNativeQuery("DELETE FROM dev_sms WHERE id IN (SELECT id FROM dev_sms WHERE created_at < ?1"
                + " ORDER BY created_at LIMIT ?2)").setParameter(1, java.sql.Timestamp.from(cutoff)).setParameter(2, limit).executeUpdate();
    }
}
