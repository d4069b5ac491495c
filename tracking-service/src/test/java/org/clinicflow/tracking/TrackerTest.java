package org.clinicflow.tracking;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clinicflow.events.GoldenEvents;
import org.clinicflow.events.catalog.EventCatalog;
import org.clinicflow.events.cloudevents.EventJson;
import org.clinicflow.events.cloudevents.EventMetadata;
import org.clinicflow.testing.KafkaTestClient;
import org.clinicflow.testing.RealInfrastructure;
import org.clinicflow.testing.Rows;
import org.clinicflow.testing.TestTokens;
import org.clinicflow.tracking.poll.Backoff;
import org.clinicflow.tracking.poll.Poller;
import org.clinicflow.tracking.standin.UscisStandIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The tracker against the stand-in for USCIS, on the real broker and database, with a simulated
 * clock (rounds are driven at chosen instants): a receipt from intake's topic is tracked; a
 * change is announced once and a status asked about again is not; every status reaches its code,
 * an unknown wording is kept and flagged; a 404 receipt; a revoked token is renewed once; a 429
 * pauses every call for USCIS's Retry-After; a 503 retries the case later; a withdrawal ends the
 * tracking; 3,000 open cases over three simulated days spend exactly the day's 1,000 calls, no
 * more, each case asked about once; ended tracking is forgotten after two years, open cases never.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "tracking"))
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(StandInPort.class)
class TrackerTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final String STATUSES = EventCatalog.STATUSES.name();
    private static final AtomicInteger RECEIPTS = new AtomicInteger();
    /** Each test starts at noon of a later simulated day, so one test's pause or quota never touches the next. */
    private static final AtomicReference<ZonedDateTime> DAY = new AtomicReference<>(
            ZonedDateTime.of(LocalDate.now(NEW_YORK).plusDays(30).atTime(12, 0), NEW_YORK));

    @Inject
    Poller poller;

    @Inject
    UscisStandIn standIn;

    @Inject
    Backoff backoff;

    @Inject
    AgroalDataSource dataSource;

    private Instant t0;

    @BeforeEach
    void aFreshDayWithNothingElseOpen() {
        t0 = DAY.updateAndGet(d -> d.plusDays(10)).toInstant();
        Rows.execute(dataSource, "UPDATE tracked_case SET closed = true WHERE NOT closed");
        backoff.answered();
    }

    @Test
    void aReceiptIsTrackedAndEachChangeIsAnnouncedOnceEvenWhenAskedAgain() throws Exception {
        UUID applicant = UUID.randomUUID();
        String receipt = receipt('1');
        standIn.script(receipt, List.of("Case Was Received"));
        receiptRecorded(applicant, receipt);

        assertEquals(1, poller.round(t0, 30));
        JsonNode first = statusEvent(applicant, "received");
        assertEquals("Case Was Received", first.get("uscisStatus").asText());

        // Asked again 12 hours on (the floor: one open case), USCIS says the same: nothing announced.
        assertEquals(1, poller.round(t0.plus(Duration.ofHours(12)).plusSeconds(1), 30));
        assertEquals(2, Rows.count(dataSource, "SELECT checks FROM tracked_case WHERE applicant_id = ?", applicant));

        standIn.script(receipt, List.of("Case Was Approved"));
        assertEquals(1, poller.round(t0.plus(Duration.ofHours(24)).plusSeconds(2), 30));
        statusEvent(applicant, "approved");
        assertEquals(List.of("received", "approved"), statusesOf(applicant));

        // A withdrawal ends the tracking: nothing more is asked.
        withdrawn(applicant);
        assertEquals(0, poller.round(t0.plus(Duration.ofDays(3)), 30));
    }

    @Test
    void everyStatusOnTheWayToTheCardReachesItsCodeAndTheDeliveredCardEndsTracking() throws Exception {
        UUID applicant = UUID.randomUUID();
        String receipt = receipt('2');
        receiptRecorded(applicant, receipt);
        List<String> titles = List.of("Case Was Received", "Request for Evidence Was Sent",
                "Response To USCIS' Request For Evidence Was Received", "Case Was Approved", "Card Was Mailed To Me",
                "Card Was Delivered To Me By The Post Office");
        Instant at = t0;
        for (String title : titles) {
            standIn.script(receipt, List.of(title));
            assertEquals(1, poller.round(at, 30), title);
            at = at.plus(Duration.ofHours(13));
        }
        statusEvent(applicant, "card-delivered");
        assertEquals(List.of("received", "evidence-requested", "evidence-received", "approved", "card-mailed", "card-delivered"),
                statusesOf(applicant));
        assertEquals(0, poller.round(at.plus(Duration.ofDays(30)), 30), "a delivered card ends the tracking");

        for (String[] ending : new String[][] {{"Notice Was Returned To USCIS Because The Post Office Could Not Deliver It", "returned"},
                {"Case Was Denied", "denied"}, {"Case Was Rejected Because It Was Improperly Filed", "rejected"}}) {
            UUID other = UUID.randomUUID();
            String otherReceipt = receipt('3');
            standIn.script(otherReceipt, List.of(ending[0]));
            receiptRecorded(other, otherReceipt);
            assertEquals(1, poller.round(at, 30));
            assertEquals(ending[0], statusEvent(other, ending[1]).get("uscisStatus").asText());
            at = at.plus(Duration.ofMinutes(1));
        }
    }

    @Test
    void anUnknownWordingIsKeptAndFlaggedAndAnUnknownReceiptIsNotFound() throws Exception {
        UUID strange = UUID.randomUUID();
        String receipt = receipt('4');
        standIn.script(receipt, List.of("Case Was Sent To The Department of State"));
        receiptRecorded(strange, receipt);
        UUID typo = UUID.randomUUID();
        receiptRecorded(typo, receipt('9'));   // the stand-in knows no receipt ending in 9: a 404

        assertEquals(2, poller.round(t0, 30));
        assertEquals("Case Was Sent To The Department of State", statusEvent(strange, "unknown").get("uscisStatus").asText());
        assertTrue(statusEvent(typo, "not-found").get("uscisStatus").isNull());
    }

    @Test
    void aRevokedTokenIsRenewedOnceAndBothCallsAreCounted() throws Exception {
        UUID applicant = UUID.randomUUID();
        String receipt = receipt('1');
        standIn.script(receipt, List.of("Case Was Received"));
        receiptRecorded(applicant, receipt);
        poller.round(t0, 30);   // a token is held from here on
        standIn.revokeTokens();
        int tokens = standIn.tokenCalls();
        Instant later = t0.plus(Duration.ofHours(13));
        int used = quotaUsed(later);
        standIn.script(receipt, List.of("Case Was Approved"));

        assertEquals(1, poller.round(later, 30));
        assertEquals(tokens + 1, standIn.tokenCalls(), "one new token");
        assertEquals(used + 2, quotaUsed(later), "the refused call and its retry both count");
        statusEvent(applicant, "approved");
    }

    @Test
    void a429PausesEveryCallForUscisRetryAfterAndTheCaseWaitsBehindIt() throws Exception {
        UUID applicant = UUID.randomUUID();
        String receipt = receipt('1');
        standIn.script(receipt, List.of("Case Was Received"));
        receiptRecorded(applicant, receipt);
        standIn.fail(new UscisStandIn.Fault(429, "120"));
        int calls = standIn.statusCalls();

        assertEquals(1, poller.round(t0, 30));
        assertEquals(0, Rows.count(dataSource, "SELECT checks FROM tracked_case WHERE applicant_id = ?", applicant));
        assertEquals(0, poller.round(t0.plusSeconds(60), 30), "paused");
        assertEquals(calls + 1, standIn.statusCalls(), "nothing asked while paused");
        assertEquals(1, poller.round(t0.plusSeconds(121), 30));
        statusEvent(applicant, "received");

        // Without a Retry-After: a minute, then two.
        standIn.fail(new UscisStandIn.Fault(429, null));
        standIn.script(receipt, List.of("Case Was Approved"));
        Instant later = t0.plus(Duration.ofHours(13));
        assertEquals(1, poller.round(later, 30));
        assertFalse(backoff.paused(later.plusSeconds(61)));
        assertTrue(backoff.paused(later.plusSeconds(59)));
    }

    @Test
    void aServerErrorRetriesTheCaseLaterAndPausesBriefly() throws Exception {
        UUID applicant = UUID.randomUUID();
        String receipt = receipt('1');
        standIn.script(receipt, List.of("Case Was Received"));
        receiptRecorded(applicant, receipt);
        standIn.fail(new UscisStandIn.Fault(503, null));

        assertEquals(1, poller.round(t0, 30));
        assertEquals(1, Rows.count(dataSource, "SELECT failures FROM tracked_case WHERE applicant_id = ?", applicant));
        assertTrue(backoff.paused(t0.plusSeconds(29)));
        assertEquals(0, poller.round(t0.plusSeconds(31), 30), "the case is due again in 5 minutes, not before");
        assertEquals(1, poller.round(t0.plus(Duration.ofMinutes(5)).plusSeconds(1), 30));
        statusEvent(applicant, "received");
    }

    @Test
    void threeThousandOpenCasesSpendExactlyTheDaysQuotaOverThreeSimulatedDays() {
        Rows.execute(dataSource, "INSERT INTO tracked_case (applicant_id, receipt_number, recorded_at, next_check_at, weight) "
                + "SELECT gen_random_uuid(), 'LIN' || lpad((8000000000 + n * 10 + 1)::text, 10, '0'), now(), now(), 4 "
                + "FROM generate_series(1, 3000) n");
        ZonedDateTime midnight = t0.atZone(NEW_YORK).toLocalDate().atStartOfDay(NEW_YORK);
        int before = standIn.statusCalls();
        int calls = 0;
        for (Instant at = midnight.toInstant(); at.isBefore(midnight.plusDays(3).toInstant()); at = at.plus(Duration.ofMinutes(5))) {
            calls += poller.round(at, 300);
        }
        for (int day = 0; day < 3; day++) {
            assertEquals(1000, quotaUsed(midnight.plusDays(day).toInstant()), "day " + day + " spends the quota, no more");
        }
        assertEquals(3000, calls);
        assertEquals(3000, standIn.statusCalls() - before, "USCIS saw exactly the calls counted");
        assertEquals(3000, Rows.count(dataSource, "SELECT count(*) FROM tracked_case WHERE receipt_number LIKE 'LIN8%' AND checks = 1"));
    }

    @Test
    void theSummaryStatesTheQuotaAndHowOftenCasesAreSeen() throws Exception {
        UUID applicant = UUID.randomUUID();
        String receipt = receipt('1');
        standIn.script(receipt, List.of("Case Was Received"));
        receiptRecorded(applicant, receipt);
        io.restassured.RestAssured.given().auth().oauth2(TestTokens.supervisor()).when().get("/api/tracking/summary").then()
                .statusCode(200).body("credentialsConfigured", org.hamcrest.Matchers.equalTo(true))
                .body("quotaPerDay", org.hamcrest.Matchers.equalTo(1000))
                .body("openCases", org.hamcrest.Matchers.equalTo(1))
                .body("daysBetweenChecks.settled", org.hamcrest.Matchers.equalTo(0.5f));
        io.restassured.RestAssured.given().auth().oauth2(TestTokens.caseworker()).when().get("/api/tracking/summary").then()
                .statusCode(403);
    }

    @Test
    void endedTrackingIsForgottenAfterTwoYearsAndOpenCasesNever() {
        String old = receipt('5');
        String recent = receipt('5');
        String openOld = receipt('5');
        Rows.execute(dataSource, "INSERT INTO tracked_case (applicant_id, receipt_number, recorded_at, status, status_changed_at,"
                + " next_check_at, closed) VALUES (gen_random_uuid(), ?, now() - interval '900 days', 'card-delivered',"
                + " now() - interval '800 days', now(), true), (gen_random_uuid(), ?, now() - interval '900 days', 'denied',"
                + " now() - interval '10 days', now(), true), (gen_random_uuid(), ?, now() - interval '900 days', 'received',"
                + " now() - interval '800 days', now() + interval '1 day', false)", old, recent, openOld);
        io.restassured.RestAssured.given().auth().oauth2(TestTokens.supervisor()).when().post("/api/admin/retention/purge").then()
                .statusCode(403);
        io.restassured.RestAssured.given().auth().oauth2(TestTokens.admin()).when().post("/api/admin/retention/purge").then()
                .statusCode(200);
        assertEquals(0, Rows.count(dataSource, "SELECT count(*) FROM tracked_case WHERE receipt_number = ?", old));
        assertEquals(2, Rows.count(dataSource, "SELECT count(*) FROM tracked_case WHERE receipt_number IN (?, ?)", recent, openOld));
    }

    private static String receipt(char last) {
        return String.format("IOE%09d%c", 100_000_000 + RECEIPTS.incrementAndGet(), last);
    }

    private int quotaUsed(Instant at) {
        return (int) Rows.count(dataSource, "SELECT COALESCE((SELECT used FROM uscis_quota WHERE day = ?), 0)",
                LocalDate.ofInstant(at, NEW_YORK));
    }

    private void receiptRecorded(UUID applicant, String receipt) throws IOException {
        ObjectNode body = (ObjectNode) EventJson.mapper().readTree(GoldenEvents.body("clinic.intake.receipt-recorded.v1"));
        body.put("applicantId", applicant.toString());
        body.put("receiptNumber", receipt);
        body.put("recordedAt", Instant.now().toString());
        send(applicant, "clinic.intake.receipt-recorded.v1", body);
        await().atMost(Duration.ofSeconds(30)).until(() -> Rows.count(dataSource,
                "SELECT count(*) FROM tracked_case WHERE applicant_id = ? AND receipt_number = ? AND NOT closed", applicant, receipt) == 1);
    }

    private void withdrawn(UUID applicant) throws IOException {
        ObjectNode body = (ObjectNode) EventJson.mapper().readTree(GoldenEvents.body("clinic.intake.applicant-withdrawn.v1"));
        body.put("applicantId", applicant.toString());
        send(applicant, "clinic.intake.applicant-withdrawn.v1", body);
        await().atMost(Duration.ofSeconds(30)).until(() -> Rows.count(dataSource,
                "SELECT count(*) FROM tracked_case WHERE applicant_id = ? AND closed", applicant) == 1);
    }

    private static void send(UUID applicant, String type, ObjectNode body) throws IOException {
        EventMetadata metadata = new EventMetadata(UUID.randomUUID(), type, "intake-service", Instant.now(), applicant.toString(), null);
        KafkaTestClient.send(EventCatalog.APPLICANTS.name(), applicant.toString(), EventJson.mapper().writeValueAsBytes(body),
                metadata.toHeaders());
    }

    /** Reads the statuses topic until this applicant's event with {@code status} arrives; returns its body. */
    private static JsonNode statusEvent(UUID applicant, String status) {
        List<ConsumerRecord<String, byte[]>> records = KafkaTestClient.readUntil(STATUSES,
                r -> applicant.toString().equals(r.key()) && status.equals(body(r).get("status").asText()), Duration.ofSeconds(30));
        return body(records.get(records.size() - 1));
    }

    /** Every status announced for the applicant, in order (the topic read to its end). */
    private static List<String> statusesOf(UUID applicant) {
        return KafkaTestClient.readAllSent(STATUSES, Duration.ofSeconds(30)).stream().filter(r -> applicant.toString().equals(r.key()))
                .map(r -> body(r).get("status").asText()).toList();
    }

    private static JsonNode body(ConsumerRecord<String, byte[]> record) {
        try {
            return EventJson.mapper().readTree(record.value());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
