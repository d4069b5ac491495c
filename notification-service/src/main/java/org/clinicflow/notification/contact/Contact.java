package org.clinicflow.notification.contact;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Where and how to reach an applicant: the phone from intake's contact events, language, consent,
 * site time zone. Versioned: its writers run on different consumers at once, and a stale write
 * must fail (and be retried) rather than undo another's. Tested by {@code NotificationFlowTest}.
 */
@Entity
@Table(name = "contact")
public class Contact extends PanacheEntityBase {

    @Id
    public UUID applicantId;
    public String phone;
    public String language;
    public boolean smsConsent;
    /** The time zone of the applicant's clinic site, learnt from booking events; for quiet hours. */
    public String timeZone;
    /** The applicant's site, from intake's events: caseworkers see their own site's applicants only. */
    public String siteId;
    public boolean withdrawn;
    /** Intake's contact-point event was applied: phone, consent and language are what intake holds. */
    public boolean contactPointKnown;
    public Instant updatedAt;
    @Version
    public long version;

    /** Loads these applicants' rows into the transaction's persistence context in one query (a consumer's batch). */
    public static void prefetch(Set<UUID> applicantIds) {
        list("applicantId in ?1", applicantIds);
    }

    /**
     * The applicant's row, made first if there is none, with the site when the event names one (a
     * registration's row then needs no update after). Two writers may both be first: the insert
     * that loses waits for the winner's commit and then does nothing, instead of failing on the key.
     */
    public static Contact ensure(UUID applicantId, String language, String siteId) {
        Contact known = findById(applicantId);
        if (known != null) {
            // Most events find the contact already there; the insert below, a native statement,
            // would first flush (and dirty-check) every entity of the consumer's batch.
            return known;
        }
        getEntityManager().createNativeQuery("""
                INSERT INTO contact (applicant_id, language, site_id, sms_consent, updated_at)
                VALUES (?1, ?2, ?3, false, now()) ON CONFLICT (applicant_id) DO NOTHING""")
                .setParameter(1, applicantId).setParameter(2, language == null ? "en" : language)
                .setParameter(3, siteId).executeUpdate();
        return findById(applicantId);
    }
}
