package org.clinicflow.messaging.inbox;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Locale;

/**
 * Tells a passing condition from a fault of the event or the handler. Passing: the database
 * unreachable (connection refused or dropped, the server shutting down or out of connections,
 * the pool unable to hand out a connection) or a concurrent writer (an optimistic-lock
 * conflict, a serialization failure, a deadlock). Such a failure says nothing about the record:
 * it is retried until it passes, so a PostgreSQL restart puts nothing on a dead-letter topic.
 * (An event that came before one it needs is not passing: it is parked, see {@link ArrivedEarly}.) Everything else is the record's problem and
 * gets the configured attempts. Tested by {@code TransientFailureTest} and, on the real broker,
 * {@code InboxProcessorTest}.
 */
final class TransientFailure {

    private TransientFailure() {
    }

    static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof SQLTransientException
                    || t instanceof SQLRecoverableException || optimisticLock(t)) {
                return true;
            }
            if (t instanceof SQLException sql && (passingState(sql.getSQLState()) || poolExhausted(sql))) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQLSTATE class 08 (connection exception), 57P01-57P03 (shutdown, cannot connect now), 53300
     * (too many connections), 40001 (serialization failure), 40P01 (deadlock).
     */
    private static boolean passingState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P") || state.equals("53300")
                || state.equals("40001") || state.equals("40P01"));
    }

    /** The connection pool's own timeout while the database does not answer (it sets no SQLSTATE). */
    private static boolean poolExhausted(SQLException e) {
        return e.getSQLState() == null && e.getMessage() != null
                && e.getMessage().toLowerCase(Locale.ROOT).contains("acquisition timeout");
    }

    /** JPA's OptimisticLockException or Hibernate's StaleStateException family, by name: this library has neither on its API. */
    private static boolean optimisticLock(Throwable t) {
        for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
            String name = c.getName();
            if (name.equals("jakarta.persistence.OptimisticLockException") || name.equals("org.hibernate.StaleStateException")) {
                return true;
            }
        }
        return false;
    }
}
