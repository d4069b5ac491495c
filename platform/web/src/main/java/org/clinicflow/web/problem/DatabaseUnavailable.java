package org.clinicflow.web.problem;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;

/**
 * Tells whether a failure, however deeply wrapped, is the database being out of reach for the
 * moment: connection refused or dropped, the server shutting down, starting or out of
 * connections, or the service's pool unable to hand out a connection in time. Such a failure
 * says nothing about the request or the record being applied: a REST call answers 503 and may
 * be retried ({@link ProblemMappers}), a consumer retries in place (clinic-messaging's
 * {@code TransientFailure}). Tested by {@code DatabaseUnavailableTest} in clinic-messaging,
 * with the exceptions a real pool and a real server throw.
 */
public final class DatabaseUnavailable {

    private DatabaseUnavailable() {
    }

    public static boolean causedBy(Throwable failure) {
        return in(failure) != null;
    }

    /** The exception in {@code failure}'s chain that shows the database out of reach, or null. */
    public static Throwable in(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth++ < 32; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof SQLTransientConnectionException || t instanceof SQLRecoverableException) {
                return t;
            }
            if (t instanceof SQLException sql && (unreachableState(sql.getSQLState()) || poolTimedOut(sql))) {
                return t;
            }
        }
        return null;
    }

    /** SQLSTATE class 08 (connection exception), 57P01-57P03 (shutdown, cannot connect now), 53300 (too many connections). */
    private static boolean unreachableState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P") || state.equals("53300"));
    }

    /** The pool's own timeout (Agroal sets no SQLSTATE, only this message, over the wait's TimeoutException). */
    private static boolean poolTimedOut(SQLException e) {
        return e.getSQLState() == null && (e.getCause() instanceof java.util.concurrent.TimeoutException
                || e.getMessage() != null && e.getMessage().toLowerCase(Locale.ROOT).contains("acquisition timeout"));
    }
}
