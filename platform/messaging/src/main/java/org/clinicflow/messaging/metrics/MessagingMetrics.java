package org.clinicflow.messaging.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * The messaging figures an operator watches at {@code /q/metrics}: outbox lag (age of the
 * oldest unsent row), relay batch sizes and events relayed, inbox outcomes and dead-lettered
 * records. Kafka consumer lag comes from the Kafka clients' own metrics
 * ({@code kafka_consumer_fetch_manager_records_lag_max}). Checked by {@code MessagingMetricsTest}.
 */
public class MessagingMetrics {

    private static final String OLDEST_ROW_AGE = """
            SELECT COALESCE(EXTRACT(EPOCH FROM now() - (SELECT created_at FROM outbox_event ORDER BY id LIMIT 1)), 0)""";

    private final MeterRegistry registry;
    private final DistributionSummary batchSize;
    private final Counter relayed;

    public MessagingMetrics(MeterRegistry registry, DataSource dataSource) {
        this.registry = registry;
        this.batchSize = DistributionSummary.builder("clinic.outbox.relay.batch.size")
                .description("Rows sent per relay transaction").baseUnit("events").register(registry);
        this.relayed = Counter.builder("clinic.outbox.relayed").description("Outbox rows sent and acknowledged")
                .baseUnit("events").register(registry);
        Gauge.builder("clinic.outbox.lag", dataSource, MessagingMetrics::oldestRowAgeSeconds)
                .description("Age of the oldest outbox row not yet sent").baseUnit("seconds").register(registry);
    }

    public void relayed(int rows) {
        batchSize.record(rows);
        relayed.increment(rows);
    }

    /** One inbound record's outcome: applied, duplicate, ignored (a type this consumer does not handle). */
    public void inbound(String consumer, String outcome) {
        registry.counter("clinic.inbox.events", "consumer", consumer, "outcome", outcome).increment();
    }

    /** {@code count} records of one batch ended the same way. */
    public void inbound(String consumer, String outcome, int count) {
        registry.counter("clinic.inbox.events", "consumer", consumer, "outcome", outcome).increment(count);
    }

    /** A batch rolled back and was applied record by record (a record parked, failed or raced a writer). */
    public void batchSplit(String consumer) {
        registry.counter("clinic.inbox.batches.split", "consumer", consumer).increment();
    }

    public void deadLettered(String consumer, String reason) {
        registry.counter("clinic.inbox.dead.lettered", "consumer", consumer, "reason", reason).increment();
    }

    private static double oldestRowAgeSeconds(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(OLDEST_ROW_AGE)) {
            rs.next();
            return rs.getDouble(1);
        } catch (SQLException e) {
            return Double.NaN;
        }
    }
}
