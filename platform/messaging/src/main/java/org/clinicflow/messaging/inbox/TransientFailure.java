package org.clinicflow.messaging.inbox;

import java.sql.SQLException;
import java.sql.SQLTransientException;
import org.clinicflow.web.problem.DatabaseUnavailable;

/**
 * Tells a passing condition from a fault of the event or the handler. Passing: the database
 * unreachable ({@link DatabaseUnavailable}: connection refused or dropped, the server shutting
 * down or out of connections, the pool unable to hand out a connection) or a concurrent writer
 * (an optimistic-lock conflict, a serialization failure, a deadlock). Such a failure says
 * nothing about the record: it is retried until it passes, so a PostgreSQL restart puts nothing
 * on a dead-letter topic. (An event that came before one it needs is not passing: it is parked,
 * see {@link ArrivedEarly}.) Everything else is the record's problem and gets the configured attempts. Tested by {@code TransientFailureTest} and, on the real broker,
 * {@code InboxProcessorTest}.
 */
final class TransientFailure {

    private TransientFailure() {
    }

    static boolean causedBy(Throwable failure) {
        if (DatabaseUnavailable.causedBy(failure)) {
            return true;
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientException || optimisticLock(t)) {
                return true;
            }
            if (t instanceof SQLException sql && concurrentWriter(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** SQLSTATE 40001 (serialization failure), 40P01 (deadlock). */
    private static boolean concurrentWriter(String state) {
        return "40001".equals(state) || "40P01".equals(state);
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
