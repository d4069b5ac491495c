package org.clinicflow.intake.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/**
 * Writes the append-only audit log: who read or changed which case, when, and which fields
 * (names only). Writes join the caller's transaction, so a change and its audit entry commit
 * together; reads of a case open their own.
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

    /** The same entry for several cases (those a search listed), in one transaction. */
    @Transactional(Transactional.TxType.REQUIRED)
    public void recordEach(java.util.Collection<UUID> applicantIds, String actor, String action) {
        applicantIds.forEach(id -> record(id, actor, action, null));
    }
}
