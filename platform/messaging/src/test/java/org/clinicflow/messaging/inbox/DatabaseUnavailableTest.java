package org.clinicflow.messaging.inbox;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.clinicflow.testing.TestPostgres;
import org.clinicflow.web.problem.DatabaseUnavailable;
import org.junit.jupiter.api.Test;

/**
 * {@link DatabaseUnavailable} against the exceptions the real parts throw, not ones written to
 * match it: Agroal's pool with its one connection taken, a PostgreSQL port nobody listens on, a
 * session the server terminates; and a real constraint violation, which is not unavailability.
 * These are what make a REST call answer 503 and a consumer retry in place.
 */
class DatabaseUnavailableTest {

    private static final String ROLE = "unavailable_probe";
    private final String url = TestPostgres.database(ROLE);

    @Test
    void aPoolWhoseConnectionsAreAllTakenTimesOutAsUnavailable() throws SQLException {
        AgroalDataSourceConfigurationSupplier config = new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(pool -> pool.maxSize(1).acquisitionTimeout(Duration.ofMillis(300))
                        .connectionFactoryConfiguration(factory -> factory.jdbcUrl(url)
                                .principal(new NamePrincipal(ROLE)).credential(new SimplePassword(ROLE))));
        try (AgroalDataSource pool = AgroalDataSource.from(config); Connection taken = pool.getConnection()) {
            SQLException timeout = assertThrows(SQLException.class, pool::getConnection);

            assertTrue(DatabaseUnavailable.causedBy(new RuntimeException("as Hibernate wraps it", timeout)), timeout::toString);
            assertTrue(TransientFailure.causedBy(timeout), "a consumer retries it in place");
        }
    }

    @Test
    void aServerNobodyListensForIsUnavailable() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        SQLException refused = assertThrows(SQLException.class,
                () -> DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + closed + "/" + ROLE, ROLE, ROLE));

        assertTrue(DatabaseUnavailable.causedBy(refused), refused.getSQLState() + " " + refused);
    }

    @Test
    void aSessionTheServerTerminatesIsUnavailable() throws SQLException {
        try (Connection victim = DriverManager.getConnection(url, ROLE, ROLE);
                Connection other = DriverManager.getConnection(url, ROLE, ROLE)) {
            int pid;
            try (Statement s = victim.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
                rs.next();
                pid = rs.getInt(1);
            }
            try (Statement s = other.createStatement()) {
                s.execute("SELECT pg_terminate_backend(" + pid + ")"); // as a server shutting down does
            }
            SQLException dropped = assertThrows(SQLException.class, () -> {
                try (Statement s = victim.createStatement()) {
                    s.execute("SELECT 1");
                }
            });

            assertTrue(DatabaseUnavailable.causedBy(dropped), dropped.getSQLState() + " " + dropped);
        }
    }

    @Test
    void aConstraintTheRequestBrokeIsNot() throws SQLException {
        try (Connection c = DriverManager.getConnection(url, ROLE + "_owner", ROLE + "_owner"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS probe_unique (id int PRIMARY KEY)");
            s.execute("DELETE FROM probe_unique");
            s.execute("INSERT INTO probe_unique VALUES (1)");
            SQLException duplicate = assertThrows(SQLException.class, () -> s.execute("INSERT INTO probe_unique VALUES (1)"));

            assertFalse(DatabaseUnavailable.causedBy(new RuntimeException(duplicate)), duplicate.getSQLState());
        }
    }
}
