package org.clinicflow.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.common.annotation.Identifier;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clinicflow.events.GoldenEvents;
import org.clinicflow.events.catalog.EventCatalog;
import org.clinicflow.events.cloudevents.EventJson;
import org.clinicflow.events.cloudevents.EventMetadata;
import org.clinicflow.events.intake.ApplicantRegisteredV1;
import org.clinicflow.messaging.metrics.MessagingMetrics;
import org.clinicflow.testing.KafkaTestClient;
import org.clinicflow.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * The consuming side on the real broker and database: duplicates are skipped, transient
 * failures are retried, and poison or hopeless records land on the dead-letter topic with
 * the error in their headers while the records after them are still applied. The fixture's
 * channel takes whole polls, as every service's does, so a record given up on reaches the
 * dead-letter topic through the outbox: the tests that read it run a relay, as a service does.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class InboxProcessorTest {

    private static final String TOPIC = EventCatalog.APPLICANTS.name();
    private static final String DLQ = EventCatalog.APPLICANTS.deadLetterTopic();
    private static final String REGISTERED = "clinic.intake.applicant-registered.v1";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    FixtureConsumer consumer;
    @Inject
    MessagingMetrics metrics;
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Test
    void goldenSampleIsAppliedOnceEvenWhenDeliveredTwice() {
        ApplicantRegisteredV1 golden = GoldenEvents.event(ApplicantRegisteredV1.class);
        EventMetadata metadata = metadata(golden.applicantId(), REGISTERED);
        byte[] body = GoldenEvents.body(REGISTERED);
        KafkaTestClient.send(TOPIC, golden.applicantId().toString(), body, metadata.toHeaders());
        KafkaTestClient.send(TOPIC, golden.applicantId().toString(), body, metadata.toHeaders());
        EventMetadata sentinel = sendRegistered(golden.applicantId(), "site-a");

        await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.effects(dataSource, sentinel.id()) == 1);
        assertEquals(1, Fixtures.effects(dataSource, metadata.id()));
        assertEquals(1, Fixtures.count(dataSource, "SELECT count(*) FROM processed_event WHERE event_id = ?", metadata.id()));
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicAndTheNextRecordIsApplied() {
        UUID applicant = UUID.randomUUID();
        String key = applicant.toString();
        KafkaTestClient.send(TOPIC, key, "{not json at all".getBytes(StandardCharsets.UTF_8), Map.of());
        EventMetadata badBody = metadata(applicant, REGISTERED);
        KafkaTestClient.send(TOPIC, key, "{\"applicantId\":\"not-a-uuid\"}".getBytes(StandardCharsets.UTF_8),
                badBody.toHeaders());
        EventMetadata next = sendRegistered(applicant, "site-a");

        await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.effects(dataSource, next.id()) == 1);
        List<ConsumerRecord<String, byte[]>> parked = readDeadLetters(badBody);
        List<ConsumerRecord<String, byte[]>> mine = parked.stream().filter(r -> key.equals(r.key())).toList();
        assertEquals(2, mine.size(), "both poison records are parked");
        assertEquals("{not json at all", new String(mine.get(0).value(), StandardCharsets.UTF_8), "parked as received");
        for (ConsumerRecord<String, byte[]> record : mine) {
            assertNotNull(KafkaTestClient.header(record, "dead-letter-reason"));
            assertEquals(TOPIC, KafkaTestClient.header(record, "dead-letter-topic"));
        }
        assertTrue(KafkaTestClient.header(mine.get(1), "dead-letter-reason").contains("ApplicantRegisteredV1"));
    }

    @Test
    void transientFailureIsRetriedAndAppliedOnce() {
        EventMetadata event = sendRegistered(UUID.randomUUID(), "fail-twice");
        await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.effects(dataSource, event.id()) == 1);
        assertEquals(3, consumer.attempts(event.id()), "two failed attempts, then success");
    }

    @Test
    void anUnreachableDatabaseIsWaitedOutBeyondTheAttemptLimitNotDeadLettered() {
        EventMetadata event = sendRegistered(UUID.randomUUID(), "database-down-5");
        await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.effects(dataSource, event.id()) == 1);
        assertEquals(6, consumer.attempts(event.id()), "five attempts during the outage (more than the limit of 4), then success");
        boolean parked = KafkaTestClient.readAll(DLQ, Duration.ofSeconds(5)).stream()
                .anyMatch(r -> event.id().toString().equals(KafkaTestClient.eventId(r)));
        assertTrue(!parked, "an outage is not the record's fault");
    }

    @Test
    void handlerThatKeepsFailingIsDeadLetteredWithNothingApplied() {
        UUID applicant = UUID.randomUUID();
        EventMetadata hopeless = sendRegistered(applicant, "fail-always");
        EventMetadata next = sendRegistered(applicant, "site-a");

        await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.effects(dataSource, next.id()) == 1);
        readDeadLetters(hopeless);
        assertEquals(5, consumer.attempts(hopeless.id()), "once in its batch, then every configured attempt alone");
        assertEquals(0, Fixtures.effects(dataSource, hopeless.id()), "each failed attempt rolled back its effect");
        assertEquals(0, Fixtures.count(dataSource, "SELECT count(*) FROM processed_event WHERE event_id = ?", hopeless.id()),
                "and its inbox row");
    }

    @Test
    void typesTheConsumerDoesNotHandleAreSkippedNotDeadLettered() {
        UUID applicant = UUID.randomUUID();
        EventMetadata future = metadata(applicant, "clinic.intake.applicant-reassigned.v1");
        KafkaTestClient.send(TOPIC, applicant.toString(), "{}".getBytes(StandardCharsets.UTF_8), future.toHeaders());
        EventMetadata next = sendRegistered(applicant, "site-a");

        await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.effects(dataSource, next.id()) == 1);
        boolean parked = KafkaTestClient.readAll(DLQ, Duration.ofSeconds(30)).stream()
                .anyMatch(r -> future.id().toString().equals(KafkaTestClient.eventId(r)));
        assertTrue(!parked, "an unknown type is not an error");
    }

    @Test
    void eventsTheHandlerDoesNotActOnAreSkippedWithoutAnInboxRow() {
        UUID applicant = UUID.randomUUID();
        EventMetadata skipped = sendRegistered(applicant, FixtureConsumer.NOT_FOR_US);
        EventMetadata next = sendRegistered(applicant, "site-a");

        await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.effects(dataSource, next.id()) == 1);
        assertEquals(0, Fixtures.effects(dataSource, skipped.id()));
        assertEquals(0, consumer.attempts(skipped.id()), "its handler never ran");
        assertEquals(0, Fixtures.count(dataSource, "SELECT count(*) FROM processed_event WHERE event_id = ?", skipped.id()));
    }

    /** The dead-letter topic up to {@code event}'s record, with a relay draining the outbox meanwhile. */
    private List<ConsumerRecord<String, byte[]>> readDeadLetters(EventMetadata event) {
        try (RelayHarness relays = new RelayHarness(dataSource, kafkaConfig, metrics)) {
            relays.loop("relay-inbox-test", rows -> {
            }, Duration.ofMillis(200));
            return KafkaTestClient.readUntil(DLQ, r -> event.id().toString().equals(KafkaTestClient.eventId(r)),
                    Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static EventMetadata sendRegistered(UUID applicant, String siteId) {
        EventMetadata metadata = metadata(applicant, REGISTERED);
        KafkaTestClient.send(TOPIC, applicant.toString(), EventJson.write(Fixtures.registered(applicant, siteId)),
                metadata.toHeaders());
        return metadata;
    }

    private static EventMetadata metadata(UUID applicant, String type) {
        return new EventMetadata(UUID.randomUUID(), type, "intake-service", Instant.now(), applicant.toString(), null);
    }
}
