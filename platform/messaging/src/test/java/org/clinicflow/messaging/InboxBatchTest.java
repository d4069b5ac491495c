package org.clinicflow.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.common.annotation.Identifier;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clinicflow.events.catalog.EventCatalog;
import org.clinicflow.events.cloudevents.EventJson;
import org.clinicflow.events.cloudevents.EventMetadata;
import org.clinicflow.messaging.inbox.InboundRecord;
import org.clinicflow.messaging.inbox.InboxBatch;
import org.clinicflow.messaging.inbox.InboxProcessor.Outcome;
import org.clinicflow.messaging.metrics.MessagingMetrics;
import org.clinicflow.testing.KafkaTestClient;
import org.clinicflow.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * A poll applied as one batch, on the real database (and broker for the dead-letter topic): the
 * batch is handed to {@link InboxBatch} directly, so the records are certainly in one batch
 * whatever the broker's timing. One poison record among good ones costs the batch a second pass
 * and applies every other record exactly once; a duplicate inside one batch is applied once; an
 * applicant with a parked event has its later event queued behind it while its neighbours apply;
 * an event the handler does not act on is skipped before the batch locks its applicants.
 * The same batches arriving over Kafka are covered by {@code InboxProcessorTest} and
 * {@code ParkingTest}, whose fixture consumer takes polls.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class InboxBatchTest {

    private static final String TOPIC = EventCatalog.APPLICANTS.name();
    private static final String DLQ = EventCatalog.APPLICANTS.deadLetterTopic();
    private static final String REGISTERED = "clinic.intake.applicant-registered.v1";
    private static final AtomicLong OFFSETS = new AtomicLong(System.currentTimeMillis() * 1000);

    @Inject
    AgroalDataSource dataSource;
    @Inject
    InboxBatch batches;
    @Inject
    FixtureConsumer consumer;
    @Inject
    MessagingMetrics metrics;
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Test
    void aBatchWithOnePoisonRecordAppliesEveryOtherRecordOnceAndDeadLettersThePoison() throws Exception {
        List<InboundRecord> batch = new ArrayList<>();
        List<EventMetadata> good = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            good.add(add(batch, UUID.randomUUID(), "site-a"));
        }
        EventMetadata poison = add(batch, UUID.randomUUID(), "fail-always");
        for (int i = 0; i < 5; i++) {
            good.add(add(batch, UUID.randomUUID(), "site-a"));
        }

        Map<Outcome, Integer> outcomes = batches.process(batch, consumer);

        assertEquals(Map.of(Outcome.APPLIED, 10, Outcome.DEAD_LETTERED, 1), outcomes);
        for (EventMetadata event : good) {
            assertEquals(1, Fixtures.effects(dataSource, event.id()), "applied once: " + event.id());
            assertEquals(1, Fixtures.count(dataSource, "SELECT count(*) FROM processed_event WHERE event_id = ?", event.id()));
        }
        assertEquals(0, Fixtures.effects(dataSource, poison.id()), "the poison's writes rolled back");
        assertEquals(0, Fixtures.count(dataSource, "SELECT count(*) FROM processed_event WHERE event_id = ?", poison.id()));
        assertEquals(1, Fixtures.count(dataSource, "SELECT count(*) FROM dead_letter_event WHERE event_id = ?", poison.id()),
                "recorded for the operators' re-drive");
        List<ConsumerRecord<String, byte[]>> dead;
        try (RelayHarness relays = new RelayHarness(dataSource, kafkaConfig, metrics)) {
            relays.loop("relay-batch", rows -> {
            }, Duration.ofMillis(200));
            dead = KafkaTestClient.readUntil(DLQ, r -> poison.id().toString().equals(KafkaTestClient.eventId(r)),
                    Duration.ofSeconds(30));
        }
        ConsumerRecord<String, byte[]> letter = dead.stream()
                .filter(r -> poison.id().toString().equals(KafkaTestClient.eventId(r))).findFirst().orElseThrow();
        assertEquals(TOPIC, KafkaTestClient.header(letter, "dead-letter-topic"));
        assertTrue(KafkaTestClient.header(letter, "dead-letter-reason").contains("handler failure requested by the test"));
    }

    @Test
    void aDuplicateInsideOneBatchIsAppliedOnceAndABatchAlreadySeenIsSkippedWhole() {
        List<InboundRecord> batch = new ArrayList<>();
        EventMetadata event = add(batch, UUID.randomUUID(), "site-a");
        batch.add(record(batch.get(0).key(), event, Fixtures.registered(UUID.fromString(batch.get(0).key()), "site-a")));
        EventMetadata other = add(batch, UUID.randomUUID(), "site-a");

        int prefetches = consumer.prefetched().size();
        assertEquals(Map.of(Outcome.APPLIED, 2, Outcome.DUPLICATE, 1), batches.process(batch, consumer));
        assertEquals(1, Fixtures.effects(dataSource, event.id()));
        assertEquals(1, Fixtures.effects(dataSource, other.id()));
        assertEquals(List.of(Set.of(UUID.fromString(batch.get(0).key()), UUID.fromString(batch.get(2).key()))),
                prefetchedSince(prefetches, batch), "the batch's two applicants prefetched once, before their events applied");

        assertEquals(Map.of(Outcome.DUPLICATE, 3), batches.process(batch, consumer), "the broker redelivers the poll");
        assertEquals(1, Fixtures.effects(dataSource, event.id()));
        assertEquals(1, prefetchedSince(prefetches, batch).size(), "nothing to apply, nothing prefetched");
    }

    @Test
    void anApplicantWithAParkedEventQueuesItsNextEventWhileTheOthersInTheBatchApply() {
        UUID orphan = UUID.randomUUID();
        List<InboundRecord> first = new ArrayList<>();
        EventMetadata early = add(first, orphan, "needs-contact");
        assertEquals(Map.of(Outcome.PARKED, 1), batches.process(first, consumer));

        List<InboundRecord> second = new ArrayList<>();
        EventMetadata neighbour = add(second, UUID.randomUUID(), "site-a");
        EventMetadata behind = add(second, orphan, "site-a");
        EventMetadata another = add(second, UUID.randomUUID(), "site-a");

        int prefetches = consumer.prefetched().size();
        assertEquals(Map.of(Outcome.APPLIED, 2, Outcome.PARKED, 1), batches.process(second, consumer));
        assertEquals(List.of(Set.of(UUID.fromString(second.get(0).key()), UUID.fromString(second.get(2).key()))),
                prefetchedSince(prefetches, second),
                "the applicants whose events apply; not the one whose event waits behind a parked one");
        assertEquals(1, Fixtures.effects(dataSource, neighbour.id()));
        assertEquals(1, Fixtures.effects(dataSource, another.id()));
        assertEquals(0, Fixtures.effects(dataSource, behind.id()), "queued behind the applicant's parked event");
        assertEquals(0, Fixtures.count(dataSource, "SELECT count(*) FROM processed_event WHERE event_id = ?", behind.id()),
                "not in the inbox yet: it is applied when re-driven");
        assertEquals(2, Fixtures.count(dataSource, "SELECT count(*) FROM parked_event WHERE parking_key = ?", orphan.toString()));
        assertEquals(0, Fixtures.effects(dataSource, early.id()));
    }

    @Test
    void eventsTheHandlerDoesNotActOnAreSkippedBeforeAnyLockOrInboxRow() {
        List<InboundRecord> batch = new ArrayList<>();
        EventMetadata before = add(batch, UUID.randomUUID(), "site-a");
        EventMetadata skipped = add(batch, UUID.randomUUID(), FixtureConsumer.NOT_FOR_US);
        EventMetadata after = add(batch, UUID.randomUUID(), "site-a");

        int prefetches = consumer.prefetched().size();
        assertEquals(Map.of(Outcome.APPLIED, 2, Outcome.IGNORED, 1), batches.process(batch, consumer));
        assertEquals(1, Fixtures.effects(dataSource, before.id()));
        assertEquals(1, Fixtures.effects(dataSource, after.id()));
        assertEquals(0, consumer.attempts(skipped.id()), "its handler never ran");
        assertEquals(0, Fixtures.count(dataSource, "SELECT count(*) FROM processed_event WHERE event_id = ?", skipped.id()),
                "no inbox row for it");
        assertEquals(List.of(Set.of(UUID.fromString(batch.get(0).key()), UUID.fromString(batch.get(2).key()))),
                prefetchedSince(prefetches, batch),
                "its applicant is not among the batch's applicants (whom the batch locks and prefetches)");
    }

    @Test
    void anUnreadableRecordInABatchIsDeadLetteredAndTheRestApply() {
        List<InboundRecord> batch = new ArrayList<>();
        EventMetadata before = add(batch, UUID.randomUUID(), "site-a");
        UUID applicant = UUID.randomUUID();
        batch.add(new InboundRecord(TOPIC, 0, OFFSETS.incrementAndGet(), applicant.toString(),
                metadata(applicant).toHeaders(), "{\"applicantId\":\"not-a-uuid\"}".getBytes(StandardCharsets.UTF_8)));
        EventMetadata after = add(batch, UUID.randomUUID(), "site-a");

        assertEquals(Map.of(Outcome.APPLIED, 2, Outcome.DEAD_LETTERED, 1), batches.process(batch, consumer));
        assertEquals(1, Fixtures.effects(dataSource, before.id()));
        assertEquals(1, Fixtures.effects(dataSource, after.id()));
        assertEquals(1, Fixtures.count(dataSource, "SELECT count(*) FROM dead_letter_event WHERE parking_key = ?",
                applicant.toString()));
    }

    /** The prefetches since the {@code from}th that named an applicant of {@code batch} (the fixture also consumes from Kafka). */
    private List<Set<UUID>> prefetchedSince(int from, List<InboundRecord> batch) {
        Set<UUID> ours = new java.util.HashSet<>();
        batch.forEach(r -> ours.add(UUID.fromString(r.key())));
        List<Set<UUID>> all = consumer.prefetched();
        return all.subList(from, all.size()).stream().filter(set -> set.stream().anyMatch(ours::contains)).toList();
    }

    private static EventMetadata add(List<InboundRecord> batch, UUID applicant, String site) {
        EventMetadata metadata = metadata(applicant);
        batch.add(record(applicant.toString(), metadata, Fixtures.registered(applicant, site)));
        return metadata;
    }

    private static InboundRecord record(String key, EventMetadata metadata, org.clinicflow.events.ClinicEvent event) {
        return new InboundRecord(TOPIC, 0, OFFSETS.incrementAndGet(), key, metadata.toHeaders(),
                EventJson.write(event));
    }

    private static EventMetadata metadata(UUID applicant) {
        return new EventMetadata(UUID.randomUUID(), REGISTERED, "intake-service", Instant.now(), applicant.toString(), null);
    }
}
