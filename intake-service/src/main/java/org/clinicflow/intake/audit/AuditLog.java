package org.clinicflow.intake.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/**
 * Writes the append-only audit log: who read or changed which case, when, and which fields
 * (names only). Writes join the caller's transaction, so a change and its audit entry commit
 * together, and so do a read and its entry (the resource's read methods are transactional).
 * Tested by {@code ApplicantResourceTest} and {@code AuditTest}.
 */
@ApplicationScoped
public class AuditLog {

    @Transactional(Transactional.TxType.REQUIRED)
    public void record(UUID applicantId, String actor, String action, String detail) {
        AuditEntry entry = new AuditEntry();
        entry.applicantId = applicantId;
        entry.actor = actor;
        entry.action = action;
        entry.detail = detail;
        entry.at = Instant.now();
        entry.persist();
    }

    /**
     * The same entry for several cases (those a search listed) in one statement, ids from the
     * column's default: one statement however long the page, and no entities in the session.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public void recordEach(java.util.Collection<UUID> applicantIds, String actor, String action) {
        if (applicantIds.isEmpty()) {
            return;
        }
        AuditEntry.getEntityManager().createNativeQuery("""
                INSERT INTO audit_entry (applicant_id, actor, action, at)
                SELECT id, :actor, :action, :at FROM unnest(cast(:ids AS uuid[])) AS id""")
                .setParameter("actor", actor)
                .setParameter("action", action)
                .setParameter("at", Instant.now())
                .setParameter("ids", applicantIds.stream().map(UUID::toString)
                        .collect(java.util.stream.Collectors.joining(",", "{", "}")))
                .executeUpdate();
    }
}
