package org.clinicflow.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Quarkus test resource that hands a service a real PostgreSQL database of its own and a real
 * Kafka broker, both started once per test JVM (see {@link TestPostgres}, {@link TestKafka}).
 * Use it as {@code @WithTestResource(RealInfrastructure.class)}; the database is named after
 * the init arg {@code database} (default: the service's {@code quarkus.application.name}
 * is not known here, so {@code clinic}).
 */
public class RealInfrastructure implements QuarkusTestResourceLifecycleManager {

    private String database = "clinic";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        String jdbcUrl = TestPostgres.database(database);
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl,
                "quarkus.datasource.username", database,
                "quarkus.datasource.password", database,
                "quarkus.flyway.password", database + "_owner",
                "kafka.bootstrap.servers", TestKafka.bootstrapServers(),
                "quarkus.devservices.enabled", "false");
    }

    @Override
    public void stop() {
        // Broker and database live for the whole test JVM: the next test class reuses them.
    }
}
