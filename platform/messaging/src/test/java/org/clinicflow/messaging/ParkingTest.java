package org.clinicflow.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.smallrye.common.annotation.Identifier;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clinicflow.events.catalog.EventCatalog;
import org.clinicflow.events.cloudevents.EventJson;
import org.clinicflow.events.cloudevents.EventMetadata;
import org.clinicflow.events.intake.ContactPointChangedV1;
import org.clinicflow.messaging.inbox.DeadLetterRedrive;
import org.clinicflow.messaging.metrics.MessagingMetrics;
import org.clinicflow.testing.KafkaTestClient;
import org.clinicflow.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * Parking on the real broker and database: an event whose prerequisite has not arrived waits
 * for its own applicant only, later events of that applicant queue behind it, every other
 * applicant flows; the prerequisite releases them in order, once each. Past the bound it goes
 * to the dead-letter topic with its reason, and a re-drive after the fix applies it once.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class ParkingTest {

    private static final String TOPIC = EventCatalog.APPLICANTS.name();
    private static final String DLQ = EventCatalog.APPLICANTS.deadLetterTopic();
    private static final String REGISTERED = "clinic.intake.applicant-registered.v1";
    private static final String CONTACT = "clinic.intake.contact-point-changed.v1";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    FixtureConsumer consumer;
    @Inject
    DeadLetterRedrive redrive;
    @Inject
    MeterRegistry registry;
    @Inject
    MessagingMetrics metrics;
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Test
    void anOrphanWaitsForItsApplicantAloneAndIsAppliedInOrderOnceItsPrerequisiteArrives() {
        UUID orphan = UUID.randomUUID();
        EventMetadata early = sendRegistered(orphan, "needs-contact");
        EventMetadata behind = sendRegistered(orphan, "site-a");
        List<EventMetadata> others = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            others.add(sendRegistered(UUID.randomUUID(), "site-a"));
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> others.stream().allMatch(e -> Fixtures.effects(dataSource, e.id()) == 1));
        await().atMost(Duration.ofSeconds(10)).until(() -> parked(orphan) == 2);
        assertEquals(0, Fixtures.effects(dataSource, early.id()));
        assertEquals(0, Fixtures.effects(dataSource, behind.id()), "a later event of the same applicant queues behind");
        assertEquals("the fixture's contact point", Fixtures.text(dataSource,
                "SELECT waiting_for FROM parked_event WHERE event_id = ?", early.id()));
        assertTrue(registry.get("clinic.inbox.parked").tag("consumer", FixtureConsumer.CONSUMER).gauge().value() >= 2,
                "the parked gauge counts them");

        sendContactPoint(orphan);

        await().atMost(Duration.ofSeconds(20)).until(() -> Fixtures.effects(dataSource, behind.id()) == 1);
        assertEquals(1, Fixtures.effects(dataSource, early.id()));
        assertTrue(Fixtures.count(dataSource, "SELECT id FROM applied_effect WHERE event_id = ?", early.id())
                < Fixtures.count(dataSource, "SELECT id FROM applied_effect WHERE event_id = ?", behind.id()),
                "applied in the order they were read");
        assertEquals(0, parked(orphan));

        // The broker delivers the early event again: the inbox skips it.
        KafkaTestClient.send(TOPIC, orphan.toString(), EventJson.write(Fixtures.registered(orphan, "needs-contact")),
                early.toHeaders());
        EventMetadata sentinel = sendRegistered(orphan, "site-a");
        await().atMost(Duration.ofSeconds(20)).until(() -> Fixtures.effects(dataSource, sentinel.id()) == 1);
        assertEquals(1, Fixtures.effects(dataSource, early.id()), "once, though delivered twice");
        assertEquals(1, Fixtures.count(dataSource, "SELECT count(*) FROM processed_event WHERE event_id = ?", early.id()));
    }

    @Test
    void anEventParkedPastItsBoundIsDeadLetteredWithItsReasonAndARedriveAfterTheFixAppliesItOnce() throws Exception {
        UUID orphan = UUID.randomUUID();
        EventMetadata early = sendRegistered(orphan, "needs-contact");
        await().atMost(Duration.ofSeconds(20)).until(() -> parked(orphan) == 1);

        // A day passes (the bound is 24 h): the redriver's next try finds it too old.
        Fixtures.execute(dataSource, "UPDATE parked_event SET parked_at = now() - interval '25 hours', next_attempt_at = now()"
                + " WHERE event_id = '" + early.id() + "'");

        await().atMost(Duration.ofSeconds(20)).until(() -> parked(orphan) == 0);
        List<ConsumerRecord<String, byte[]>> dead;
        try (RelayHarness relays = new RelayHarness(dataSource, kafkaConfig, metrics)) {
            relays.loop("relay-parking", rows -> {
            }, Duration.ofMillis(200));
            dead = KafkaTestClient.readUntil(DLQ, r -> early.id().toString().equals(KafkaTestClient.eventId(r)),
                    Duration.ofSeconds(30));
        }
        ConsumerRecord<String, byte[]> letter = dead.stream().filter(r -> early.id().toString().equals(KafkaTestClient.eventId(r)))
                .findFirst().orElseThrow();
        String reason = KafkaTestClient.header(letter, "dead-letter-reason");
        assertTrue(reason.contains("parked longer than") && reason.contains("the fixture's contact point"), reason);
        assertEquals(TOPIC, KafkaTestClient.header(letter, "dead-letter-topic"));
        assertEquals(REGISTERED, KafkaTestClient.header(letter, "ce_type"), "forwarded with its own headers");
        long id = Fixtures.count(dataSource, "SELECT id FROM dead_letter_event WHERE event_id = ?", early.id());

        sendContactPoint(orphan);
        await().atMost(Duration.ofSeconds(20)).until(() -> Fixtures.count(dataSource,
                "SELECT count(*) FROM fixture_prerequisite WHERE applicant_id = ?", orphan) == 1);
        assertEquals(Optional.of("applied"), redrive.redrive(id, "test"));
        assertEquals(1, Fixtures.effects(dataSource, early.id()));
        assertEquals(Optional.empty(), redrive.redrive(id, "test"), "a dead letter is re-driven once");
        assertEquals(1, Fixtures.effects(dataSource, early.id()));
    }

    @Test
    void aHandlerFailingForRealIsRecordedAsADeadLetterAndItsApplicantsNextEventIsApplied() {
        UUID applicant = UUID.randomUUID();
        EventMetadata hopeless = sendRegistered(applicant, "fail-always");
        EventMetadata next = sendRegistered(applicant, "site-a");

        await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.effects(dataSource, next.id()) == 1);
        String reason = Fixtures.text(dataSource, "SELECT reason FROM dead_letter_event WHERE event_id = ?", hopeless.id());
        assertTrue(reason.contains("handler failure requested by the test"), reason);
        assertEquals(0, parked(applicant), "a failure is not parked");
    }

    private long parked(UUID applicant) {
        return Fixtures.count(dataSource, "SELECT count(*) FROM parked_event WHERE parking_key = ?", applicant.toString());
    }

    private static EventMetadata sendRegistered(UUID applicant, String siteId) {
        EventMetadata metadata = new EventMetadata(UUID.randomUUID(), REGISTERED, "intake-service", Instant.now(),
                applicant.toString(), null);
        KafkaTestClient.send(TOPIC, applicant.toString(), EventJson.write(Fixtures.registered(applicant, siteId)),
                metadata.toHeaders());
        return metadata;
    }

    private static void sendContactPoint(UUID applicant) {
        EventMetadata metadata = new EventMetadata(UUID.randomUUID(), CONTACT, "intake-service", Instant.now(),
                applicant.toString(), null);
        KafkaTestClient.send(EventCatalog.CONTACTS.name(), applicant.toString(),
                EventJson.write(new ContactPointChangedV1(applicant, "+13125550100", "es", true, Instant.now())), metadata.toHeaders());
    }
}
