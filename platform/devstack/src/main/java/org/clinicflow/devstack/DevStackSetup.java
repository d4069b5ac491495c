package org.clinicflow.devstack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.clinicflow.events.catalog.EventCatalog;
import org.clinicflow.events.catalog.Topic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The local stack's setup steps that need a client rather than a shell: creating the event
 * catalog's topics (with their partitions and retention, dead-letter topics included) and
 * one PostgreSQL database and login role per service, each role allowed into its own
 * database only. Idempotent: ./clinic up runs it on every start.
 *
 * <pre>
 * java -cp 'target/classes:target/lib/*' org.clinicflow.devstack.DevStackSetup topics 127.0.0.1:9092
 * java ... DevStackSetup databases jdbc:postgresql://127.0.0.1:15432/postgres ADMIN_PASSWORD intake=PW:OWNER_PW ...
 * </pre>
 */
public final class DevStackSetup {

    private DevStackSetup() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("topics")) {
            System.out.println(createTopics(args[1]) + " topics created");
        } else if (args.length >= 3 && args[0].equals("databases")) {
            List<String> services = new ArrayList<>();
            for (int i = 3; i < args.length; i++) {
                String[] pair = args[i].split("=", 2);
                String[] passwords = pair[1].split(":", 2);
                createDatabase(args[1], args[2], pair[0], passwords[0], passwords.length > 1 ? passwords[1] : passwords[0]);
                services.add(pair[0]);
            }
            System.out.println("databases ready: " + String.join(", ", services));
        } else {
            System.err.println("usage: DevStackSetup topics BOOTSTRAP | databases ADMIN_JDBC_URL ADMIN_PASSWORD NAME=PASSWORD:OWNER_PASSWORD...");
            System.exit(2);
        }
    }

    /** Creates every catalog topic that does not exist yet; returns how many it created. */
    static int createTopics(String bootstrap) throws InterruptedException, ExecutionException {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (Topic topic : EventCatalog.topics()) {
                Map<String, String> retention = Map.of(TopicConfig.RETENTION_MS_CONFIG,
                        String.valueOf(topic.retention().toMillis()));
                if (!existing.contains(topic.name())) {
                    missing.add(new NewTopic(topic.name(), topic.partitions(), (short) 1).configs(retention));
                }
                if (!existing.contains(topic.deadLetterTopic())) {
                    missing.add(new NewTopic(topic.deadLetterTopic(), EventCatalog.DLQ_PARTITIONS, (short) 1)
                            .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(14L * 24 * 3600 * 1000))));
                }
            }
            admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            return missing.size();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Kafka at " + bootstrap + " did not answer within 30 s", e);
        }
    }

    /**
     * A database with two login roles, as production has them: {@code NAME_owner} owns it and runs
     * the migrations; {@code NAME}, the service's role, may connect and (by the migrations' grants)
     * read and write rows, never alter a table or drop a trigger. A database the previous release
     * created (owned by {@code NAME}) is handed to the owner role with everything in it. Nobody
     * else may connect. Passwords are set on every start, so the roles always match the local secrets.
     */
    static void createDatabase(String adminUrl, String adminPassword, String name, String password, String ownerPassword)
            throws SQLException {
        if (!name.matches("[a-z][a-z_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        String owner = name + "_owner";
        try (Connection admin = DriverManager.getConnection(adminUrl, "postgres", adminPassword);
                Statement sql = admin.createStatement()) {
            login(admin, sql, name, password);
            login(admin, sql, owner, ownerPassword);
            // pg_hba admits a role to the database of its name, or of a role it belongs to (samerole).
            sql.execute("GRANT " + name + " TO " + owner);
            if (!exists(admin, "SELECT 1 FROM pg_database WHERE datname = ?", name)) {
                sql.execute("CREATE DATABASE " + name + " OWNER " + owner);
            } else if (!exists(admin, "SELECT 1 FROM pg_database d JOIN pg_roles r ON r.oid = d.datdba WHERE d.datname = ? AND r.rolname = '"
                    + owner + "'", name)) {
                sql.execute("ALTER DATABASE " + name + " OWNER TO " + owner);
                try (Connection db = DriverManager.getConnection(adminUrl.replaceAll("/[^/]*$", "/" + name), "postgres", adminPassword);
                        Statement inside = db.createStatement()) {
                    inside.execute("REASSIGN OWNED BY " + name + " TO " + owner);
                }
            }
            sql.execute("REVOKE ALL ON DATABASE " + name + " FROM PUBLIC");
            sql.execute("GRANT CONNECT ON DATABASE " + name + " TO " + name);
        }
    }

    private static void login(Connection admin, Statement sql, String role, String password) throws SQLException {
        if (!exists(admin, "SELECT 1 FROM pg_roles WHERE rolname = ?", role)) {
            sql.execute("CREATE ROLE " + role + " LOGIN");
        }
        try (PreparedStatement quote = admin.prepareStatement("SELECT quote_literal(?)")) {
            quote.setString(1, password);
            try (ResultSet rs = quote.executeQuery()) {
                rs.next();
                sql.execute("ALTER ROLE " + role + " PASSWORD " + rs.getString(1));
            }
        }
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next();
            }
        }
    }
}
