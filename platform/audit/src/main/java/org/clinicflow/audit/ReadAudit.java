package org.clinicflow.audit;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.UUID;
import org.clinicflow.web.security.SiteScope;

/**
 * Records that the signed-in person read these applicants' data, one row per applicant, in the
 * caller's transaction (or one of its own): a read that is answered is a read that is recorded.
 * Plain JDBC in one batch, since a day's queue names hundreds of applicants. Tested by
 * {@code ReadAuditTest} in scheduling-service and {@code NotificationFlowTest}.
 */
@ApplicationScoped
public class ReadAudit {

    private final AgroalDataSource dataSource;
    private final SiteScope scope;

    ReadAudit(AgroalDataSource dataSource, SiteScope scope) {
        this.dataSource = dataSource;
        this.scope = scope;
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public void read(String action, Collection<UUID> applicantIds) {
        if (applicantIds.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO read_audit (applicant_id, actor, action) VALUES (?, ?, ?)")) {
            for (UUID id : applicantIds) {
                insert.setObject(1, id);
                insert.setString(2, scope.actor());
                insert.setString(3, action);
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("the read could not be audited", e);
        }
    }

    public void read(String action, UUID applicantId) {
        read(action, java.util.List.of(applicantId));
    }
}
