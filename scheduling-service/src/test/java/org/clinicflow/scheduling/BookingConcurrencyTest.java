package org.clinicflow.scheduling;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.clinicflow.scheduling.booking.Appointment;
import org.clinicflow.scheduling.booking.Bookings;
import org.clinicflow.scheduling.site.Slot;
import org.clinicflow.testing.TestTokens;
import org.clinicflow.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * Double booking is impossible by construction, shown on the real database: 200 concurrent
 * requests for the last seat give exactly one booking (the rest a 409 with the next free
 * slot), and 10,000 concurrent bookings over 1,000 seats fill every seat exactly once.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "scheduling"))
@WithTestResource(OidcWiremockTestResource.class)
class BookingConcurrencyTest {

    @Inject
    Bookings bookings;

    @Test
    void twoHundredRequestsForTheLastSeatGiveExactlyOneBooking() throws Exception {
        String site = Clinic.site();
        Clinic.session(site, 2, "10:00", 1, List.of("es"));
        List<Instant> starts = freeStarts(site);
        String lastSeat = starts.get(0).toString();
        String token = TestTokens.supervisor();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<Future<Response>> answers = new ArrayList<>();
        List<UUID> applicants = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            UUID applicant = UUID.randomUUID();
            Clinic.announce(applicant, site, "es");
            applicants.add(applicant);
        }
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .until(() -> applicants.stream().allMatch(Clinic::eligible));
        for (UUID applicant : applicants) {
            answers.add(pool.submit(() -> {
                go.await();
                return given().auth().oauth2(token).contentType(ContentType.JSON)
                        .body(Map.of("siteId", site, "slotStart", lastSeat))
                        .when().post("/api/applicants/" + applicant + "/appointment");
            }));
        }
        go.countDown();
        int created = 0;
        int full = 0;
        for (Future<Response> answer : answers) {
            Response response = answer.get();
            if (response.statusCode() == 201) {
                created++;
            } else {
                assertEquals(409, response.statusCode(), response.asString());
                assertEquals(starts.get(1).toString(), response.path("nextFreeSlot"), "the 409 offers the next free slot");
                full++;
            }
        }
        pool.shutdown();
        assertEquals(1, created, "exactly one booking for the last seat");
        assertEquals(199, full);
        Slot slot = QuarkusTransaction.requiringNew().call(() -> Slot.<Slot>find("siteId = ?1 and startsAt = ?2", site,
                Instant.parse(lastSeat)).firstResult());
        assertEquals(1, slot.booked);
    }

    @Test
    void tenThousandConcurrentBookingsNeverExceedAnySlotsCapacity() throws Exception {
        String site = Clinic.site();
        // 10 days x 10 slots (09:00-14:00, 30 min) x 10 stations = 1,000 seats.
        for (int day = 2; day < 12; day++) {
            Clinic.session(site, day, "14:00", 10, List.of("es"));
        }
        List<Instant> starts = new ArrayList<>(QuarkusTransaction.requiringNew().call(() -> Slot.<Slot>list("siteId", site)
                .stream().map(s -> s.startsAt).toList()));
        assertEquals(100, starts.size());
        List<UUID> applicants = eligibleApplicants(site, 10_000);
        ExecutorService pool = Executors.newFixedThreadPool(32);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            Instant start = starts.get(ThreadLocalRandom.current().nextInt(starts.size()));
            UUID applicant = applicants.get(i);
            Callable<Boolean> attempt = () -> {
                go.await();
                return bookings.bookSlot(applicant, site, start).booked() != null;
            };
            attempts.add(pool.submit(attempt));
        }
        long started = System.nanoTime();
        go.countDown();
        int booked = 0;
        for (Future<Boolean> attempt : attempts) {
            if (attempt.get()) {
                booked++;
            }
        }
        pool.shutdown();
        System.out.printf("10,000 concurrent bookings over 1,000 seats: %d booked in %d ms%n", booked,
                (System.nanoTime() - started) / 1_000_000);

        List<Slot> slots = QuarkusTransaction.requiringNew().call(() -> Slot.<Slot>list("siteId", site));
        for (Slot slot : slots) {
            assertTrue(slot.booked <= slot.capacity, "slot over capacity: " + slot.booked);
            long holders = QuarkusTransaction.requiringNew().call(() -> Appointment.count("slotId = ?1 and status in ?2",
                    slot.id, Appointment.Status.ACTIVE));
            assertEquals(slot.booked, holders, "the seat counter matches the appointments holding seats");
        }
        assertEquals(1_000, booked, "every seat filled exactly once");
    }

    private static List<Instant> freeStarts(String site) {
        List<String> starts = given().auth().oauth2(TestTokens.caseworker())
                .queryParam("from", LocalDate.now(Clinic.CHICAGO).toString()).when().get("/api/sites/" + site + "/availability")
                .then().statusCode(200).extract().path("slotStart");
        assertNotNull(starts);
        return starts.stream().map(Instant::parse).toList();
    }

    /** Applicants intake registered and found eligible, written straight into scheduling's projection (10,000 events would only slow the test). */
    @SuppressWarnings("unchecked")
    private static List<UUID> eligibleApplicants(String site, int count) {
        return QuarkusTransaction.requiringNew().call(() -> Slot.getEntityManager().createNativeQuery(
                "INSERT INTO known_applicant (applicant_id, site_id, eligibility_status, updated_at) "
                        + "SELECT gen_random_uuid(), ?1, 'eligible', now() FROM generate_series(1, ?2) RETURNING applicant_id")
                .setParameter(1, site).setParameter(2, count).getResultList());
    }
}
