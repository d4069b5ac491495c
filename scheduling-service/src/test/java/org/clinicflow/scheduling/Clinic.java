package org.clinicflow.scheduling;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;
import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.clinicflow.events.GoldenEvents;
import org.clinicflow.scheduling.applicant.KnownApplicant;
import org.clinicflow.events.catalog.EventCatalog;
import org.clinicflow.events.catalog.Topic;
import org.clinicflow.events.cloudevents.EventJson;
import org.clinicflow.events.cloudevents.EventMetadata;
import org.clinicflow.testing.KafkaTestClient;
import org.clinicflow.testing.TestTokens;

/** Test helpers: a fresh site with sessions (through the admin API), and other services' events sent as they send them. */
public final class Clinic {

    public static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final AtomicInteger SITES = new AtomicInteger();

    private Clinic() {
    }

    /** A new site with a unique id, in Chicago's time zone. */
    public static String site() {
        String id = "test-site-" + SITES.incrementAndGet() + "-" + Long.toString(System.nanoTime(), 36);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("id", id, "name", "Clinic " + id, "address", "1 Example Plaza, Chicago, IL", "timeZone", "America/Chicago"))
                .when().post("/api/sites").then().statusCode(201);
        return id;
    }

    /** A session {@code daysAhead} days from today at the site, 09:00 to {@code end}, in 30-minute slots. */
    public static void session(String site, int daysAhead, String end, int stations, List<String> languages) {
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("date", LocalDate.now(CHICAGO).plusDays(daysAhead).toString(), "start", "09:00", "end", end,
                        "slotMinutes", 30, "stations", stations, "languages", languages))
                .when().post("/api/sites/" + site + "/sessions").then().statusCode(201);
    }

    /**
     * Intake registered the applicant, and documents are then ready, as in a clinic: the
     * registration is known here before the documents event is sent, so bookings run in the order
     * the test sends them (the orphan tests send a documents event first on purpose).
     */
    public static EventMetadata ready(UUID applicant, String site, String language, UUID household) throws Exception {
        registered(applicant, site, language, household);
        return documentsReady(applicant, site, language, household);
    }

    /**
     * Intake's registration event and, as intake sends it with every registration, its
     * eligibility decision (eligible now); a wait until scheduling has applied both.
     */
    public static void registered(UUID applicant, String site, String language, UUID household) throws Exception {
        send(EventCatalog.APPLICANTS, "clinic.intake.applicant-registered.v1", applicant, Map.of("siteId", site,
                "preferredLanguage", language, "householdId", household == null ? "" : household.toString()));
        await().atMost(Duration.ofSeconds(30)).until(() -> known(applicant));
        eligibility(applicant, "eligible", null, null, false);
    }

    /** Intake's eligibility decision, and a wait until scheduling has applied it. */
    public static void eligibility(UUID applicant, String status, LocalDate earliest, String holdReference, boolean overridden)
            throws Exception {
        ObjectNode body = (ObjectNode) EventJson.mapper().readTree(GoldenEvents.body("clinic.intake.eligibility-decided.v1"));
        body.put("applicantId", applicant.toString());
        body.put("status", status);
        body.put("earliestFilingDate", earliest == null ? null : earliest.toString());
        body.put("holdReference", holdReference);
        body.put("overridden", overridden);
        EventMetadata metadata = new EventMetadata(UUID.randomUUID(), "clinic.intake.eligibility-decided.v1", "test", Instant.now(),
                applicant.toString(), null);
        KafkaTestClient.send(EventCatalog.APPLICANTS.name(), applicant.toString(), EventJson.mapper().writeValueAsBytes(body),
                metadata.toHeaders());
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() -> {
            KnownApplicant known = KnownApplicant.findById(applicant);
            return known != null && status.equals(known.eligibilityStatus) && known.overridden == overridden
                    && java.util.Objects.equals(holdReference, known.holdReference);
        }));
    }

    /** Intake's withdrawal, and a wait until scheduling has applied it. */
    public static void withdrawn(UUID applicant) throws Exception {
        send(EventCatalog.APPLICANTS, "clinic.intake.applicant-withdrawn.v1", applicant, Map.of());
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() -> {
            KnownApplicant known = KnownApplicant.findById(applicant);
            return known != null && known.withdrawn;
        }));
    }

    /** Intake's registration and an eligible decision, sent without waiting (for tests that send many). */
    public static void announce(UUID applicant, String site, String language) throws Exception {
        send(EventCatalog.APPLICANTS, "clinic.intake.applicant-registered.v1", applicant,
                Map.of("siteId", site, "preferredLanguage", language, "householdId", ""));
        send(EventCatalog.APPLICANTS, "clinic.intake.eligibility-decided.v1", applicant,
                Map.of("status", "eligible", "earliestFilingDate", ""));
    }

    public static boolean eligible(UUID applicant) {
        return QuarkusTransaction.requiringNew().call(() -> {
            KnownApplicant known = KnownApplicant.findById(applicant);
            return known != null && "eligible".equals(known.eligibilityStatus);
        });
    }

    public static boolean known(UUID applicant) {
        return QuarkusTransaction.requiringNew().call(() -> KnownApplicant.findById(applicant) != null);
    }

    public static EventMetadata documentsReady(UUID applicant, String site, String language, UUID household) throws Exception {
        return send(EventCatalog.CHECKLISTS, "clinic.documents.documents-ready.v1", applicant,
                Map.of("siteId", site, "preferredLanguage", language, "householdId", household == null ? "" : household.toString()));
    }

    public static EventMetadata send(Topic topic, String type, UUID applicant, Map<String, String> fields) throws Exception {
        ObjectNode body = (ObjectNode) EventJson.mapper().readTree(GoldenEvents.body(type));
        body.put("applicantId", applicant.toString());
        fields.forEach((k, v) -> {
            if (v.isEmpty()) {
                body.putNull(k);
            } else {
                body.put(k, v);
            }
        });
        EventMetadata metadata = new EventMetadata(UUID.randomUUID(), type, "test", Instant.now(), applicant.toString(), null);
        KafkaTestClient.send(topic.name(), applicant.toString(), EventJson.mapper().writeValueAsBytes(body), metadata.toHeaders());
        return metadata;
    }
}
