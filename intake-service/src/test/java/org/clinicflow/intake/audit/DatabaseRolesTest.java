package org.clinicflow.intake.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.clinicflow.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, databases: the service runs as a role that reads and writes rows only. The migrations
 * ran as the owner role ({@code intake_owner} owns the tables); the service's own connection can
 * neither drop the append-only guard of the rule book or the certifications, nor alter a table,
 * nor read the migration history. SQLSTATE 42501 is PostgreSQL's "insufficient privilege".
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "intake"))
@WithTestResource(OidcWiremockTestResource.class)
class DatabaseRolesTest {

    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    @Inject
    AgroalDataSource db;

    @Test
    void theServicesRoleCannotDropAnAppendOnlyGuardOrAlterATable() throws SQLException {
        assertEquals("intake", query("SELECT current_user"));
        assertEquals("intake_owner", query("SELECT tableowner FROM pg_tables WHERE tablename = 'eligibility_rule'"));
        for (String ddl : new String[] { "DROP TRIGGER eligibility_rule_append_only ON eligibility_rule",
                "DROP TRIGGER certification_append_only ON certification", "ALTER TABLE applicant ADD COLUMN note text",
                "DROP TABLE audit_entry", "TRUNCATE consent" }) {
            SQLException refused = assertThrows(SQLException.class, () -> execute(ddl), ddl);
            assertEquals(INSUFFICIENT_PRIVILEGE, refused.getSQLState(), ddl + ": " + refused.getMessage());
        }
        SQLException history = assertThrows(SQLException.class, () -> query("SELECT count(*) FROM flyway_schema_history"));
        assertEquals(INSUFFICIENT_PRIVILEGE, history.getSQLState());
    }

    private String query(String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
