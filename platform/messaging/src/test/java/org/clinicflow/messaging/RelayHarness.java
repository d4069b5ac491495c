package org.clinicflow.messaging;

import io.agroal.api.AgroalDataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.Producer;
import org.clinicflow.messaging.metrics.MessagingMetrics;
import org.clinicflow.messaging.outbox.OutboxProducers;
import org.clinicflow.messaging.outbox.OutboxRelay;
import org.clinicflow.messaging.outbox.OutboxRelayService;
import org.clinicflow.messaging.wake.ListenLoop;

/**
 * Starts relays on the test database the way {@code OutboxRelayService} does in a service,
 * as many as a test wants, and closes them and their producers afterwards.
 */
final class RelayHarness implements AutoCloseable {

    private static final int BATCH = 500;

    private final AgroalDataSource dataSource;
    private final Map<String, Object> kafkaConfig;
    private final MessagingMetrics metrics;
    private final List<Producer<String, byte[]>> producers = new ArrayList<>();
    private final List<ListenLoop> loops = new ArrayList<>();

    RelayHarness(AgroalDataSource dataSource, Map<String, Object> kafkaConfig, MessagingMetrics metrics) {
        this.dataSource = dataSource;
        this.kafkaConfig = kafkaConfig;
        this.metrics = metrics;
    }

    OutboxRelay relay(String name, OutboxRelay.AfterSendHook afterSend) {
        Producer<String, byte[]> producer = OutboxProducers.create(kafkaConfig, name);
        producers.add(producer);
        return new OutboxRelay(dataSource, producer, BATCH, Duration.ofSeconds(30), metrics, afterSend);
    }

    /** A running relay loop that polls only every {@code pollInterval}: faster wake-ups come from NOTIFY. */
    ListenLoop loop(String name, OutboxRelay.AfterSendHook afterSend, Duration pollInterval) {
        ListenLoop loop = new ListenLoop(OutboxRelayService.OUTBOX_CHANNEL, relay(name, afterSend)::drainOnce, dataSource,
                pollInterval, Duration.ofSeconds(1), BATCH, Duration.ZERO).start(name);
        loops.add(loop);
        return loop;
    }

    @Override
    public void close() throws InterruptedException {
        for (ListenLoop loop : loops) {
            loop.stop();
        }
        producers.forEach(Producer::close);
    }
}
