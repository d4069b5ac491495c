package org.clinicflow.messaging.outbox;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import org.apache.kafka.clients.producer.Producer;
import org.clinicflow.messaging.MessagingConfig;
import org.clinicflow.messaging.metrics.MessagingMetrics;
import org.clinicflow.messaging.wake.ListenLoop;

/**
 * Runs this replica's outbox relay for the life of the application: starts it after Flyway
 * has migrated (at startup), stops it and closes its producer at shutdown. Disabled with
 * {@code clinic.messaging.outbox.relay-enabled=false}. Exercised by every service's tests.
 */
@ApplicationScoped
public class OutboxRelayService {

    /** What the outbox's insert trigger notifies (db/clinic-platform V20261121.1). */
    public static final String OUTBOX_CHANNEL = "clinic_outbox";

    private final AgroalDataSource dataSource;
    private final Map<String, Object> kafkaConfig;
    private final MessagingConfig config;
    private final MessagingMetrics metrics;
    private final Event<Producer<?, ?>> producerCreated;
    private Producer<String, byte[]> producer;
    private ListenLoop loop;

    OutboxRelayService(AgroalDataSource dataSource, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            MessagingConfig config, MessagingMetrics metrics, Event<Producer<?, ?>> producerCreated) {
        this.dataSource = dataSource;
        this.kafkaConfig = kafkaConfig;
        this.config = config;
        this.metrics = metrics;
        this.producerCreated = producerCreated;
    }

    void start(@Observes StartupEvent startup) {
        if (!config.outbox().relayEnabled()) {
            return;
        }
        producer = OutboxProducers.create(kafkaConfig, config.source() + "-outbox");
        // Quarkus' Micrometer binder exposes the client's metrics for producers announced this way.
        producerCreated.fire(producer);
        OutboxRelay relay = new OutboxRelay(dataSource, producer, config.outbox().batchSize(),
                config.outbox().sendTimeout(), metrics);
        loop = new ListenLoop(OUTBOX_CHANNEL, relay::drainOnce, dataSource, config.outbox().pollInterval(),
                config.outbox().maxBackoff(), config.outbox().batchSize(), config.outbox().minGap()).start("outbox-relay");
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        if (loop != null) {
            loop.stop();
        }
        if (producer != null) {
            producer.close();
        }
    }
}
