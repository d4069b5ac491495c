package org.clinicflow.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.common.annotation.Identifier;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.clinicflow.events.cloudevents.EventMetadata;
import org.clinicflow.messaging.metrics.MessagingMetrics;
import org.clinicflow.messaging.outbox.Outbox;
import org.clinicflow.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

/** An operator finds outbox lag, relay batch sizes, inbox outcomes and consumer lag at /q/metrics. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class MessagingMetricsTest {

    @Inject
    Outbox outbox;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    MessagingMetrics metrics;
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Test
    void messagingFiguresAreExposed() throws Exception {
        UUID applicant = UUID.randomUUID();
        EventMetadata event = QuarkusTransaction.requiringNew()
                .call(() -> outbox.publish(Fixtures.registered(applicant, "site-a")));
        try (RelayHarness relays = new RelayHarness(dataSource, kafkaConfig, metrics)) {
            relays.relay("relay-metrics", rows -> {
            }).drainOnce();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.effects(dataSource, event.id()) == 1);

        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("clinic_outbox_lag_seconds "))
                .body(containsString("clinic_outbox_relay_batch_size_events_count "))
                .body(containsString("clinic_outbox_relayed_events_total "))
                .body(containsString("clinic_inbox_events_total{consumer=\"messaging-test\",outcome=\"applied\""))
                .body(containsString("kafka_consumer_fetch_manager_records_lag_max"));
    }
}
