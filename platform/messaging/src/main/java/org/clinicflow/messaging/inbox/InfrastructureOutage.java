package org.clinicflow.messaging.inbox;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Locale;

/**
 * Tells an outage of the database from a fault of the event or the handler. An outage (the
 * connection refused or dropped, the server shutting down or out of connections, the pool
 * unable to hand out a connection) says nothing about the record: it is retried until the
 * database is back, so a PostgreSQL restart parks nothing on a dead-letter topic. Everything
 * else is the record's problem and gets the configured attempts. Tested by
 * {@code InfrastructureOutageTest} and, on the real broker, {@code InboxProcessorTest}.
 */
final class InfrastructureOutage {

    private InfrastructureOutage() {
    }

    static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && (outageState(sql.getSQLState()) || poolExhausted(sql))) {
                return true;
            }
        }
        return false;
    }

    /** SQLSTATE class 08 (connection exception), 57P01-57P03 (shutdown, cannot connect now), 53300 (too many connections). */
    private static boolean outageState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P") || state.equals("53300"));
    }

    /** The connection pool's own timeout while the database does not answer (it sets no SQLSTATE). */
    private static boolean poolExhausted(SQLException e) {
        return e.getSQLState() == null && e.getMessage() != null
                && e.getMessage().toLowerCase(Locale.ROOT).contains("acquisition timeout");
    }
}
