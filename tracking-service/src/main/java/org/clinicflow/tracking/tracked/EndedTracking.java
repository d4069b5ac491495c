package org.clinicflow.tracking.tracked;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.clinicflow.audit.retention.NamedDataClass;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Tracked cases whose tracking ended (card delivered, denied, rejected, withdrawn) and saw no
 * change for {@code clinic.retention.tracked-cases} (default two years, as intake keeps closed
 * cases): deleted, receipt number and all. Open cases are never purged. Tested by
 * {@code TrackerTest}.
 */
@ApplicationScoped
public class EndedTracking extends NamedDataClass {

    private static final String DUE = " FROM tracked_case WHERE closed"
            + " AND COALESCE(status_changed_at, last_checked_at, recorded_at) < ?1";

    private final EntityManager em;

    EndedTracking(EntityManager em, @ConfigProperty(name = "clinic.retention.tracked-cases", defaultValue = "P730D") Duration period) {
        super("tracked-cases", "Cases whose USCIS tracking ended: receipt number, statuses and dates deleted", period);
        this.em = em;
    }

    @Override
    public long due(Instant cutoff) {
        return ((Number) em.createNativeQuery("SELECT count(*)" + DUE).setParameter(1, Timestamp.from(cutoff)).getSingleResult())
                .longValue();
    }

    @Override
    public int purge(Instant cutoff, int limit) {
        return em.createNativeQuery("DELETE FROM tracked_case WHERE applicant_id IN (SELECT applicant_id" + DUE
                + " LIMIT ?2 FOR UPDATE SKIP LOCKED)").setParameter(1, Timestamp.from(cutoff)).setParameter(2, limit).executeUpdate();
    }
}
