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
 * java ... DevStackSetup databases jdbc:postgresql://127.0.0.1:15432/postgres ADMIN_PASSWORD intake=PW document=PW ...
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
                createDatabase(args[1], args[2], pair[0], pair[1]);
                services.add(pair[0]);
            }
            System.out.println("databases ready: " + String.join(", ", services));
        } else {
            System.err.println("usage: DevStackSetup topics BOOTSTRAP | databases ADMIN_JDBC_URL ADMIN_PASSWORD NAME=PASSWORD...");
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

    /** A login role and a database of the same name, owned by it; nobody else may connect. */
    static void createDatabase(String adminUrl, String adminPassword, String name, String password) throws SQLException {
        if (!name.matches("[a-z][a-z_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection admin = DriverManager.getConnection(adminUrl, "postgres", adminPassword);
                Statement sql = admin.createStatement()) {
            if (!exists(admin, "SELECT 1 FROM pg_roles WHERE rolname = ?", name)) {
                sql.execute("CREATE ROLE " + name + " LOGIN");
            }
            // The password is set on every start: the role always matches the local secret.
            try (PreparedStatement quote = admin.prepareStatement("SELECT quote_literal(?)")) {
                quote.setString(1, password);
                try (ResultSet rs = quote.executeQuery()) {
                    rs.next();
                    sql.execute("ALTER ROLE " + name + " PASSWORD " + rs.getString(1));
                }
            }
            if (!exists(admin, "SELECT 1 FROM pg_database WHERE datname = ?", name)) {
                sql.execute("CREATE DATABASE " + name + " OWNER " + name);
            }
            sql.execute("REVOKE ALL ON DATABASE " + name + " FROM PUBLIC");
            sql.execute("GRANT CONNECT ON DATABASE " + name + " TO " + name);
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
