package org.clinicflow.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Plain SQL on a test's own service database, for what a test checks or arranges beside the
 * APIs (rows parked, a row aged by a day): one count or one statement, with positional
 * arguments. Used by the services' and the platform's tests.
 */
public final class Rows {

    private Rows() {
    }

    /** The single number {@code sql} answers, e.g. a {@code count(*)}. */
    public static long count(DataSource dataSource, String sql, Object... args) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = prepare(connection, sql, args);
                ResultSet rs = query.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs one statement; answers the rows it changed. */
    public static int execute(DataSource dataSource, String sql, Object... args) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = prepare(connection, sql, args)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... args) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            statement.setObject(i + 1, args[i]);
        }
        return statement;
    }
}
