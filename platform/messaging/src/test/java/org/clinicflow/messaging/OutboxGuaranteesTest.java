package org.clinicflow.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.common.annotation.Identifier;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clinicflow.events.catalog.EventCatalog;
import org.clinicflow.events.cloudevents.CloudEventHeaders;
import org.clinicflow.events.cloudevents.EventMetadata;
import org.clinicflow.events.intake.ApplicantUpdatedV1;
import org.clinicflow.messaging.metrics.MessagingMetrics;
import org.clinicflow.messaging.outbox.Outbox;
import org.clinicflow.messaging.outbox.OutboxRelay;
import org.clinicflow.testing.KafkaTestClient;
import org.clinicflow.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * The outbox's promises, on a real PostgreSQL and a real Kafka broker: nothing rolled back is
 * sent, a relay that dies after sending re-sends and the consumer still applies once, and
 * 10,000 events relayed by two relays at once arrive once each, in order per applicant.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class OutboxGuaranteesTest {

    private static final String APPLICANTS = EventCatalog.APPLICANTS.name();

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
    void eventOfARolledBackTransactionIsNeverSentAndCommittedOnesAre() throws Exception {
        UUID applicant = UUID.randomUUID();
        List<EventMetadata> rolledBack = new ArrayList<>();
        assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            Fixtures.execute(dataSource, "INSERT INTO fixture_applicant VALUES ('" + applicant + "', 'c11')");
            rolledBack.add(outbox.publish(Fixtures.registered(applicant, "site-a")));
            throw new IllegalStateException("the caseworker's save failed");
        }));
        EventMetadata committed = QuarkusTransaction.requiringNew().call(() -> {
            Fixtures.execute(dataSource, "INSERT INTO fixture_applicant VALUES ('" + applicant + "', 'c8')");
            return outbox.publish(Fixtures.registered(applicant, "site-a"));
        });

        try (RelayHarness relays = new RelayHarness(dataSource, kafkaConfig, metrics)) {
            relays.loop("relay-rollback", rows -> {
            }, Duration.ofSeconds(1));
            // Same key, same partition: once the committed event is on the topic, the rolled-back
            // one, written before it, would have been too.
            List<ConsumerRecord<String, byte[]>> records = KafkaTestClient.readUntil(APPLICANTS,
                    r -> committed.id().toString().equals(KafkaTestClient.eventId(r)), Duration.ofSeconds(30));
            Set<String> ids = records.stream().map(KafkaTestClient::eventId).collect(Collectors.toSet());
            assertFalse(ids.contains(rolledBack.get(0).id().toString()), "a rolled-back event reached Kafka");
        }
        assertEquals(1, Fixtures.count(dataSource, "SELECT count(*) FROM fixture_applicant WHERE id = ? AND category = 'c8'",
                applicant), "the business row of the rolled-back transaction is gone too; the committed one is there");
    }

    /**
     * The outbox writes a transaction's rows just before it commits: they must go in on the
     * transaction's own connection, so a commit that fails after that write takes them with it.
     * PostgreSQL checks the deferred rule at COMMIT, after the write.
     */
    @Test
    void eventsOfATransactionThatFailsAtCommitAreNeverSent() throws Exception {
        UUID applicant = UUID.randomUUID();
        int rule = (int) (System.nanoTime() & 0x3fff_ffff);
        List<EventMetadata> failed = new ArrayList<>();
        assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            failed.add(outbox.publish(Fixtures.registered(applicant, "site-a")));
            Fixtures.execute(dataSource, "INSERT INTO fixture_checked_at_commit VALUES (" + rule + "), (" + rule + ")");
            failed.add(outbox.publish(Fixtures.registered(applicant, "site-b")));
        }));
        assertEquals(0, Fixtures.count(dataSource, "SELECT count(*) FROM outbox_event WHERE event_id = ANY(?::uuid[])",
                failed.stream().map(e -> e.id().toString()).collect(Collectors.joining(",", "{", "}"))),
                "the rows written before the failed commit are gone with it");
        // Published in order, interleaved with a record forwarded as it is: one write, the order kept.
        List<String> published = QuarkusTransaction.requiringNew().call(() -> {
            List<String> ids = new ArrayList<>();
            ids.add(outbox.publish(Fixtures.registered(applicant, "site-c")).id().toString());
            outbox.publishRecord(APPLICANTS, applicant.toString(), Map.of(CloudEventHeaders.ID, "forwarded-" + rule,
                    CloudEventHeaders.TYPE, "clinic.test.forwarded.v1"), "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            ids.add("forwarded-" + rule);
            ids.add(outbox.publish(Fixtures.registered(applicant, "site-d")).id().toString());
            return ids;
        });
        try (RelayHarness relays = new RelayHarness(dataSource, kafkaConfig, metrics)) {
            relays.loop("relay-commit-failure", rows -> {
            }, Duration.ofSeconds(1));
            List<ConsumerRecord<String, byte[]>> records = KafkaTestClient.readUntil(APPLICANTS,
                    r -> published.get(2).equals(KafkaTestClient.eventId(r)), Duration.ofSeconds(30));
            List<String> arrived = records.stream().filter(r -> applicant.toString().equals(r.key()))
                    .map(KafkaTestClient::eventId).toList();
            assertEquals(published, arrived, "only the committed transaction's records, in the order published");
        }
    }

    @Test
    void publishingOutsideATransactionIsRefused() {
        assertThrows(jakarta.transaction.TransactionalException.class,
                () -> outbox.publish(Fixtures.registered(UUID.randomUUID(), "site-a")));
    }

    @Test
    void recordCarriesCloudEventsHeadersAndTheApplicantAsKey() throws Exception {
        UUID applicant = UUID.randomUUID();
        EventMetadata published = QuarkusTransaction.requiringNew()
                .call(() -> outbox.publish(Fixtures.registered(applicant, "site-a")));
        try (RelayHarness relays = new RelayHarness(dataSource, kafkaConfig, metrics)) {
            relays.relay("relay-headers", rows -> {
            }).drainOnce();
        }
        List<ConsumerRecord<String, byte[]>> records = KafkaTestClient.readUntil(APPLICANTS,
                r -> published.id().toString().equals(KafkaTestClient.eventId(r)), Duration.ofSeconds(30));
        ConsumerRecord<String, byte[]> record = records.get(records.size() - 1);
        assertEquals(applicant.toString(), record.key());
        assertEquals("clinic.intake.applicant-registered.v1", KafkaTestClient.header(record, CloudEventHeaders.TYPE));
        assertEquals("messaging-test", KafkaTestClient.header(record, CloudEventHeaders.SOURCE));
        assertEquals(applicant.toString(), KafkaTestClient.header(record, CloudEventHeaders.SUBJECT));
        assertEquals("1.0", KafkaTestClient.header(record, CloudEventHeaders.SPEC_VERSION));
        assertEquals(published.time(), Instant.parse(KafkaTestClient.header(record, CloudEventHeaders.TIME)));
    }

    @Test
    void relayKilledBetweenSendAndMarkResendsAndTheConsumerAppliesOnce() throws Exception {
        UUID applicant = UUID.randomUUID();
        List<EventMetadata> events = QuarkusTransaction.requiringNew().call(() -> {
            List<EventMetadata> published = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                published.add(outbox.publish(Fixtures.registered(applicant, "site-a")));
            }
            return published;
        });
        try (RelayHarness relays = new RelayHarness(dataSource, kafkaConfig, metrics)) {
            OutboxRelay dying = relays.relay("relay-dying", rows -> {
                throw new IllegalStateException("relay killed after the broker acknowledged " + rows + " rows");
            });
            assertThrows(IllegalStateException.class, dying::drainOnce);
            assertEquals(20, Fixtures.count(dataSource,
                    "SELECT count(*) FROM outbox_event WHERE subject = ?", applicant.toString()),
                    "rows stay in the outbox when the relay dies before marking them");

            OutboxRelay healthy = relays.relay("relay-healthy", rows -> {
            });
            while (healthy.drainOnce() > 0) {
                // drain everything, including what other tests left
            }
            // A later event of the same applicant: applied means every earlier record of the
            // partition, both copies of each, went through the consumer.
            EventMetadata sentinel = QuarkusTransaction.requiringNew()
                    .call(() -> outbox.publish(Fixtures.registered(applicant, "site-a")));
            healthy.drainOnce();
            await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.effects(dataSource, sentinel.id()) == 1);
        }

        Map<String, Long> copiesOnKafka = KafkaTestClient.readAll(APPLICANTS, Duration.ofSeconds(30)).stream()
                .filter(r -> applicant.toString().equals(r.key()))
                .collect(Collectors.groupingBy(KafkaTestClient::eventId, Collectors.counting()));
        for (EventMetadata event : events) {
            assertEquals(2L, copiesOnKafka.get(event.id().toString()), "the dead relay's batch was sent again");
            assertEquals(1L, Fixtures.effects(dataSource, event.id()), "but applied once");
        }
    }

    @Test
    void tenThousandEventsRelayedByTwoRelaysArriveOnceEachInOrderPerApplicant() throws Exception {
        List<UUID> applicants = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            applicants.add(UUID.randomUUID());
        }
        Map<String, List<String>> publishedOrder = new LinkedHashMap<>();
        Map<String, AtomicInteger> sentBy = new ConcurrentHashMap<>();
        try (RelayHarness relays = new RelayHarness(dataSource, kafkaConfig, metrics)) {
            for (String name : List.of("relay-one", "relay-two")) {
                AtomicInteger sent = sentBy.computeIfAbsent(name, n -> new AtomicInteger());
                relays.loop(name, sent::addAndGet, Duration.ofMillis(200));
            }
            for (int round = 0; round < 100; round++) {
                int seq = round;
                // One transaction per round, as a busy service commits many small transactions.
                List<EventMetadata> published = QuarkusTransaction.requiringNew().call(() -> {
                    List<EventMetadata> batch = new ArrayList<>();
                    for (UUID applicant : applicants) {
                        batch.add(outbox.publish(new ApplicantUpdatedV1(applicant, null, "site-" + seq, "c11", "es",
                                List.of("siteId"), Instant.now(), false, false)));
                    }
                    return batch;
                });
                for (EventMetadata event : published) {
                    publishedOrder.computeIfAbsent(event.subject(), k -> new ArrayList<>()).add(event.id().toString());
                }
            }
            await().atMost(Duration.ofSeconds(120)).until(() -> Fixtures.outboxSize(dataSource) == 0);
        }
        System.out.printf("10,000 events relayed: %s%n", sentBy);

        Map<String, List<String>> arrivedOrder = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : KafkaTestClient.readAll(APPLICANTS, Duration.ofSeconds(60))) {
            if (publishedOrder.containsKey(record.key())) {
                arrivedOrder.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(KafkaTestClient.eventId(record));
            }
        }
        assertEquals(100, arrivedOrder.size());
        assertEquals(10_000, arrivedOrder.values().stream().mapToInt(List::size).sum(), "each event exactly once");
        for (String applicant : publishedOrder.keySet()) {
            assertEquals(publishedOrder.get(applicant), arrivedOrder.get(applicant), "order of applicant " + applicant);
        }
        assertTrue(sentBy.values().stream().mapToInt(AtomicInteger::get).sum() >= 10_000);
    }
}
