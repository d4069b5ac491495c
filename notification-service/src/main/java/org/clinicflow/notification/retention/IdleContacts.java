package org.clinicflow.notification.retention;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.clinicflow.audit.retention.NamedDataClass;
import org.clinicflow.notification.contact.Contact;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The phone numbers of applicants the clinic has neither heard about nor texted for
 * {@code clinic.retention.idle-contacts} (default two years, as intake keeps a closed case): a
 * filed case is never withdrawn, so its contact would otherwise be kept for ever. The number is
 * purged; language, site and time zone stay, and a later text is suppressed for want of a phone.
 * Tested by {@code NotificationFlowTest}.
 */
@ApplicationScoped
public class IdleContacts extends NamedDataClass {

    IdleContacts(@ConfigProperty(name = "clinic.retention.idle-contacts", defaultValue = "P730D") Duration period) {
        super("idle-contacts", "Phone numbers of applicants unchanged for the period: purged; language, site and time zone kept",
                period);
    }

    /** Unchanged since the cutoff, and no text queued for them since either. */
    private static final String IDLE = "FROM contact c WHERE c.phone IS NOT NULL AND c.updated_at < ?1 AND NOT EXISTS"
            + " (SELECT 1 FROM message m WHERE m.applicant_id = c.applicant_id AND m.created_at >= ?1)";

    @Override
    public long due(Instant cutoff) {
        return ((Number) Contact.getEntityManager().createNativeQuery("SELECT count(*) " + IDLE)
                .setParameter(1, java.sql.Timestamp.from(cutoff)).getSingleResult()).longValue();
    }

    @Override
    public int purge(Instant cutoff, int limit) {
        return Contact.getEntityManager().createNativeQuery("UPDATE contact SET phone = NULL WHERE applicant_id IN (SELECT c.applicant_id "
                + IDLE + " ORDER BY c.updated_at LIMIT ?2)")
                .setParameter(1, java.sql.Timestamp.from(cutoff)).setParameter(2, limit).executeUpdate();
    }
}
