package org.clinicflow.messaging.inbox;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * Per consumer, what an operator is alerted on: {@code clinic_inbox_parked} (events waiting for
 * a prerequisite), {@code clinic_inbox_parked_oldest_seconds} and
 * {@code clinic_inbox_dead_letters_open} (dead letters nobody re-drove yet). One grouped query
 * serves every gauge of a scrape (cached for two seconds). Checked by {@code ParkingTest}.
 */
@ApplicationScoped
public class ParkingMetrics {

    private static final String FIGURES = """
            SELECT consumer, count(*), COALESCE(EXTRACT(EPOCH FROM now() - min(parked_at)), 0), 0 FROM parked_event GROUP BY consumer
            UNION ALL
            SELECT consumer, 0, 0, count(*) FROM dead_letter_event WHERE redriven_at IS NULL GROUP BY consumer""";

    private final AgroalDataSource dataSource;
    private final MeterRegistry registry;
    private final EventConsumers consumers;
    private volatile Map<String, double[]> snapshot = Map.of();
    private volatile long takenAt;

    ParkingMetrics(AgroalDataSource dataSource, MeterRegistry registry, EventConsumers consumers) {
        this.dataSource = dataSource;
        this.registry = registry;
        this.consumers = consumers;
    }

    void register(@Observes StartupEvent startup) {
        for (String consumer : consumers.names()) {
            Gauge.builder("clinic.inbox.parked", () -> figure(consumer, 0)).tag("consumer", consumer)
                    .description("Events parked until their prerequisite arrives").baseUnit("events").register(registry);
            Gauge.builder("clinic.inbox.parked.oldest", () -> figure(consumer, 1)).tag("consumer", consumer)
                    .description("Age of the oldest parked event").baseUnit("seconds").register(registry);
            Gauge.builder("clinic.inbox.dead.letters.open", () -> figure(consumer, 2)).tag("consumer", consumer)
                    .description("Dead-lettered events not re-driven yet").baseUnit("events").register(registry);
        }
    }

    private double figure(String consumer, int index) {
        if (System.currentTimeMillis() - takenAt > 2_000) {
            snapshot = read();
            takenAt = System.currentTimeMillis();
        }
        double[] figures = snapshot.get(consumer);
        return figures == null ? 0 : figures[index];
    }

    private Map<String, double[]> read() {
        Map<String, double[]> figures = new HashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(FIGURES)) {
            while (rs.next()) {
                double[] f = figures.computeIfAbsent(rs.getString(1), k -> new double[3]);
                f[0] += rs.getDouble(2);
                f[1] = Math.max(f[1], rs.getDouble(3));
                f[2] += rs.getDouble(4);
            }
        } catch (SQLException e) {
            return Map.of();
        }
        return figures;
    }
}
