package org.clinicflow.intake.retention;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.clinicflow.audit.retention.NamedDataClass;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Uploaded roster files: a finished import deletes its file at once, but one that crashed or was
 * abandoned keeps it for a retry; after {@code clinic.retention.roster-files} (default 7 days) the
 * file is deleted whatever happened. The import's counts and row errors stay. Tested by
 * {@code RetentionTest}.
 */
@ApplicationScoped
public class RosterFiles extends NamedDataClass {

    private final EntityManager em;

    RosterFiles(EntityManager em, @ConfigProperty(name = "clinic.retention.roster-files", defaultValue = "P7D") Duration period) {
        super("roster-files", "Uploaded roster CSV files left by unfinished imports: deleted; counts and row errors kept", period);
        this.em = em;
    }

    @Override
    public long due(Instant cutoff) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM roster_import WHERE content IS NOT NULL AND uploaded_at < ?1")
                .setParameter(1, Timestamp.from(cutoff)).getSingleResult()).longValue();
    }

    @Override
    public int purge(Instant cutoff, int limit) {
        return em.createNativeQuery("UPDATE roster_import SET content = NULL WHERE id IN (SELECT id FROM roster_import"
                + " WHERE content IS NOT NULL AND uploaded_at < ?1 ORDER BY uploaded_at LIMIT ?2)")
                .setParameter(1, Timestamp.from(cutoff)).setParameter(2, limit).executeUpdate();
    }
}
