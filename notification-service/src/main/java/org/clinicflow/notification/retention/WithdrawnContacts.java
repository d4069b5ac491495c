package org.clinicflow.notification.retention;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.clinicflow.audit.retention.NamedDataClass;
import org.clinicflow.notification.contact.Contact;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The phone numbers of applicants who left the clinic's process (withdrawn): after
 * {@code clinic.retention.withdrawn-contacts} (default 30 days) the number is purged; nobody is
 * texted after a withdrawal anyway. Language, site and time zone stay. Tested by
 * {@code NotificationFlowTest}.
 */
@ApplicationScoped
public class WithdrawnContacts extends NamedDataClass {

    WithdrawnContacts(@ConfigProperty(name = "clinic.retention.withdrawn-contacts", defaultValue = "P30D") Duration period) {
        super("withdrawn-contacts", "Phone numbers of withdrawn applicants: purged; language, site and time zone kept", period);
    }

    @Override
    public long due(Instant cutoff) {
        return Contact.count("withdrawn = true and phone is not null and updatedAt < ?1", cutoff);
    }

    @Override
    public int purge(Instant cutoff, int limit) {
        return Contact.getEntityManager().createNativeQuery("UPDATE contact SET phone = NULL WHERE applicant_id IN (SELECT applicant_id"
                + " FROM contact WHERE withdrawn AND phone IS NOT NULL AND updated_at < ?1 ORDER BY updated_at LIMIT ?2)")
                .setParameter(1, java.sql.Timestamp.from(cutoff)).setParameter(2, limit).executeUpdate();
    }
}
