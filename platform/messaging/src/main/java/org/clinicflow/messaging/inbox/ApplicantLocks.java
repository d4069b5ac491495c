package org.clinicflow.messaging.inbox;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;

/**
 * Takes a transaction-scoped advisory lock per applicant of a batch, all in ascending order,
 * before the batch touches anything. Two consumers of one service (notification's contact and
 * trigger listeners, intake's case progress and USCIS statuses) apply batches that share
 * applicants; without an order, one locked applicant A then B while the other held B and wanted
 * A, and PostgreSQL broke the deadlock a second later by failing one batch. Taken in one order,
 * locks only queue. Keys are hashed into a namespace of their own, so a collision costs a wait,
 * never a wrong result. Every batch of {@code InboxBatchTest} takes them; the deadlocks they end
 * showed in {@code ./clinic bench}.
 */
@ApplicationScoped
public class ApplicantLocks {

    /** Advisory-lock namespace of applicants: (this, hash of the key) is the lock key. */
    static final int NAMESPACE = 0x0c11_a991;

    private static final String LOCK_ALL = """
            SELECT count(pg_advisory_xact_lock(?, k)) FROM (SELECT DISTINCT unnest(?::int[]) AS k ORDER BY k) AS keys""";

    private final AgroalDataSource dataSource;

    ApplicantLocks(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Locks every key of {@code keys} until the caller's transaction ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockAll(Collection<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement lock = c.prepareStatement(LOCK_ALL)) {
            lock.setInt(1, NAMESPACE);
            lock.setArray(2, c.createArrayOf("int4", keys.stream().map(String::hashCode).toArray()));
            lock.executeQuery().close();
        } catch (SQLException e) {
            throw new IllegalStateException("could not lock " + keys.size() + " applicants", e);
        }
    }
}
