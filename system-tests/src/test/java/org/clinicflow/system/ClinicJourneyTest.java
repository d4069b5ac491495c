package org.clinicflow.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An applicant's whole journey through the packaged services on the real stack (Kafka,
 * PostgreSQL, Keycloak), over HTTP with real tokens: registered, checklist verified, booked,
 * texted in Spanish, "C" replied through the signed webhook, confirmed, checked in, filed with a
 * receipt that is texted too. Also: an opted-out phone gets nothing, a household is booked
 * together, a rejected document is texted and nobody is booked, and an asylum applicant not yet
 * eligible waits until the clinic clocks reach day 150 and is then booked. The test's site lies in a time
 * zone where it is now early afternoon, so quiet hours never hold a message back.
 */
class ClinicJourneyTest {

    /** USCIS's stand-in moves a receipt a step every 15 s here (the tracker asks every 10 s), not every 2 minutes. */
    private static final LocalStack STACK = new LocalStack().withEnvironment("CLINIC_USCIS_STEP", "PT15S")
            .withEnvironment("CLINIC_USCIS_MIN_INTERVAL", "PT5S");
    private static final int INTAKE = LocalStack.SERVICE_PORTS.get("intake-service");
    private static final int DOCUMENTS = LocalStack.SERVICE_PORTS.get("document-service");
    private static final int SCHEDULING = LocalStack.SERVICE_PORTS.get("scheduling-service");
    private static final int NOTIFICATION = LocalStack.SERVICE_PORTS.get("notification-service");
    private static String site;
    private static String zone;
    private static String staff;

    @BeforeAll
    static void clinicWithASiteOpenTomorrow() throws Exception {
        assertEquals(0, STACK.clinic("up", "-d"), () -> "./clinic up -d failed:\n" + STACK.output("up"));
        staff = token("supervisor");
        site = "journey-" + Long.toString(System.currentTimeMillis(), 36);
        zone = ClinicApi.afternoonZone();
        given().auth().oauth2(token("admin")).contentType(ContentType.JSON)
                .body(Map.of("id", site, "name", "Journey Clinic", "address", "9 Test Street", "timeZone", zone))
                .when().post(url(SCHEDULING, "/api/sites")).then().statusCode(201);
        given().auth().oauth2(token("admin")).contentType(ContentType.JSON)
                .body(Map.of("date", LocalDate.now(ZoneId.of(zone)).plusDays(1).toString(), "start", "09:00", "end", "17:00",
                        "slotMinutes", 30, "stations", 3, "languages", List.of("es", "en")))
                .when().post(url(SCHEDULING, "/api/sites/" + site + "/sessions")).then().statusCode(201);
    }

    @AfterAll
    static void down() throws Exception {
        assertEquals(0, STACK.clinic("down"));
    }

    @Test
    void fromRegistrationToFiledWithEverySmsOnTheWay() throws Exception {
        String phone = phone();
        String id = register(phone, null);
        verifyAll(id);
        await("booked", () -> appointmentStatus(id).equals("booked"));
        await("the booking SMS", () -> inbox(phone).stream().anyMatch(t -> t.contains("Journey Clinic")));
        String booking = inbox(phone).get(0);
        assertTrue(booking.startsWith("Work Permit Clinic: su cita es el"), booking);

        inbound(phone, "C");
        await("confirmed by SMS", () -> appointmentStatus(id).equals("confirmed"));
        given().auth().oauth2(staff).when().post(url(SCHEDULING, "/api/applicants/" + id + "/appointment/check-in")).then()
                .statusCode(200);
        given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("receiptNumber", "IOE0912345678"))
                .when().post(url(SCHEDULING, "/api/applicants/" + id + "/appointment/complete")).then().statusCode(200);
        await("the receipt SMS", () -> inbox(phone).stream().anyMatch(t -> t.contains("IOE0912345678")));
        await("filed in intake", () -> "filed".equals(given().auth().oauth2(staff).get(url(INTAKE, "/api/applicants/" + id))
                .then().extract().path("stage")));
        given().auth().oauth2(staff).get(url(INTAKE, "/api/applicants/" + id + "/timeline")).then()
                .body("eventType", hasItem("clinic.notification.applicant-replied.v1"))
                .body("eventType", hasItem("clinic.scheduling.visit-completed.v1"));
    }

    /**
     * Issue 15's journey: checked in, the preparer completes the I-765 (answers, certifications,
     * the disclosure consent), downloads the packet, records the filing and, when USCIS answers,
     * the receipt; the applicant is texted the receipt, once.
     */
    @Test
    void aPreparerCompletesTheFormFilesAndTheReceiptIsTextedOnce() throws Exception {
        String phone = phone();
        String id = register(phone, null);
        verifyAll(id);
        await("booked", () -> appointmentStatus(id).equals("booked"));
        given().auth().oauth2(staff).when().post(url(SCHEDULING, "/api/applicants/" + id + "/appointment/check-in")).then()
                .statusCode(200);
        String applicant = url(INTAKE, "/api/applicants/" + id);
        given().auth().oauth2(staff).contentType("application/merge-patch+json")
                .body(Map.of("lastArrivalOn", LocalDate.now().minusDays(45).toString())).when().patch(applicant).then().statusCode(200);
        Map<String, Object> form = new HashMap<>();
        form.put("mailingAddress", Map.of("inCareOf", "Pacific Garden Mission", "street", "1458 S Canal St", "city", "Chicago",
                "state", "IL", "zipCode", "60607"));
        form.put("mailingIsPhysical", true);
        form.put("sex", "male");
        form.put("maritalStatus", "married");
        form.put("previouslyFiled", false);
        form.put("ssaCardIssued", false);
        form.put("wantsSsaCard", true);
        form.put("father", Map.of("familyName", "Pérez", "givenName", "Luis"));
        form.put("mother", Map.of("familyName", "Díaz", "givenName", "Marta"));
        form.put("placeOfBirth", Map.of("city", "Valencia", "country", "VE"));
        form.put("i94Number", "98765432B11");
        form.put("lastArrivalPlace", "El Paso, TX");
        form.put("statusAtLastArrival", "Parolee");
        form.put("currentStatus", "Parolee");
        given().auth().oauth2(staff).contentType(ContentType.JSON).body(form).when().put(applicant + "/form").then().statusCode(200);
        given().auth().oauth2(staff).accept("application/pdf").when().get(applicant + "/packet").then().statusCode(409);
        given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("kind", "ssa-disclosure", "granted", true))
                .when().post(applicant + "/consents").then().statusCode(200);
        for (Map<String, Object> certification : List.<Map<String, Object>>of(
                Map.of("kind", "interpreter", "name", "Lucía Ramos", "organization", "Chicago Language Bank", "phone", "(312) 555-0142",
                        "language", "Spanish"),
                Map.of("kind", "preparer", "name", "Dana Whitfield", "organization", "Clinic Flow Chicago", "phone", "(312) 555-0100"),
                Map.of("kind", "applicant-statement", "language", "Spanish", "viaInterpreter", true))) {
            given().auth().oauth2(staff).contentType(ContentType.JSON).body(certification).when().post(applicant + "/certifications")
                    .then().statusCode(201);
        }
        byte[] pdf = given().auth().oauth2(staff).accept("application/pdf").when().get(applicant + "/packet").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));
        given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("filedOn", LocalDate.now().toString(), "method", "paper", "feeStatus", "paid"))
                .when().post(applicant + "/filing").then().statusCode(200);
        given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("receiptNumber", "IOE0987654321"))
                .when().post(applicant + "/receipt").then().statusCode(200);
        await("the receipt SMS", () -> inbox(phone).stream().anyMatch(t -> t.contains("IOE0987654321")));
        given().auth().oauth2(staff).get(applicant + "/timeline").then()
                .body("eventType", hasItem("clinic.intake.case-filed.v1"))
                .body("eventType", hasItem("clinic.intake.receipt-recorded.v1"));
        assertEquals(1L, messages(id, "templateKey").stream().filter("visit-completed"::equals).count(), "one receipt text");
        assertEquals("filed", given().auth().oauth2(staff).get(applicant).then().extract().path("stage"));

        // After filing, the tracker follows the receipt at USCIS (the stand-in: received, approved, card mailed, delivered):
        // each status once on the timeline, the approval and the mailed card texted once each.
        await("the card delivered, as USCIS says", java.time.Duration.ofSeconds(150), () -> "card-delivered".equals(given().auth().oauth2(staff)
                .get(applicant).then().extract().path("uscisStatus")));
        List<String> summaries = given().auth().oauth2(staff).get(applicant + "/timeline").then().extract().path("summary");
        for (String status : List.of("Case Was Received", "Case Was Approved", "Card Was Mailed To Me",
                "Card Was Delivered To Me By The Post Office")) {
            assertEquals(1L, summaries.stream().filter(s -> s.startsWith("USCIS: " + status)).count(), status);
        }
        await("the card SMS", () -> inbox(phone).stream().anyMatch(t -> t.contains("tarjeta")));
        List<String> templates = messages(id, "templateKey");
        assertEquals(1L, templates.stream().filter("case-approved"::equals).count(), "one approval text");
        assertEquals(1L, templates.stream().filter("card-mailed"::equals).count(), "one card text");
    }

    @Test
    void anOptedOutPhoneGetsNothing() throws Exception {
        String phone = phone();
        inbound(phone, "STOP");
        String id = register(phone, null);
        verifyAll(id);
        await("booked", () -> appointmentStatus(id).equals("booked"));
        await("the booking message recorded", () -> !messages(id, "status").isEmpty());
        assertEquals(List.of("suppressed"), messages(id, "status"));
        assertTrue(inbox(phone).isEmpty(), "no SMS to an opted-out phone");
    }

    @Test
    void aHouseholdIsBookedTogether() throws Exception {
        String household = UUID.randomUUID().toString();
        String parent = register(phone(), household);
        String child = register(phone(), household);
        verifyAll(parent);
        await("parent booked", () -> appointmentStatus(parent).equals("booked"));
        verifyAll(child);
        await("child booked", () -> appointmentStatus(child).equals("booked"));
        java.time.Instant parentAt = java.time.Instant.parse(slot(parent));
        java.time.Instant childAt = java.time.Instant.parse(slot(child));
        assertTrue(childAt.equals(parentAt) || childAt.equals(parentAt.plus(java.time.Duration.ofMinutes(30))),
                "the family sits in the same or the consecutive slot: " + parentAt + " / " + childAt);
    }

    @Test
    void aRejectedDocumentIsTextedAndNobodyIsBooked() throws Exception {
        String phone = phone();
        String id = register(phone, null);
        await("checklist", () -> given().auth().oauth2(staff).get(url(DOCUMENTS, "/api/applicants/" + id + "/checklist"))
                .statusCode() == 200);
        given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("status", "rejected", "reason", "not-identical"))
                .when().put(url(DOCUMENTS, "/api/applicants/" + id + "/documents/photos")).then().statusCode(200);
        await("the rejection message", () -> messages(id, "body").stream()
                .anyMatch(b -> b != null && b.contains("traiga dos fotos iguales tamaño pasaporte")));
        given().auth().oauth2(staff).get(url(SCHEDULING, "/api/applicants/" + id + "/appointment")).then().statusCode(404);
    }

    /**
     * Eligibility gates booking across the services: a pending asylum applicant on day 100 of
     * the clock, documents verified, is waitlisted as not yet eligible; with intake's and
     * scheduling's clinic clocks moved 50 days (the admin clock API of the local stack) and
     * intake's review run, they are booked on or after day 150.
     */
    @Test
    void anAsylumApplicantOnDay100WaitsAndIsBookedOnceTheClocksReachDay150() throws Exception {
        LocalDate today = LocalDate.now();
        given().auth().oauth2(token("admin")).contentType(ContentType.JSON)
                .body(Map.of("date", LocalDate.now(ZoneId.of(zone)).plusDays(51).toString(), "start", "09:00", "end", "12:00",
                        "slotMinutes", 30, "stations", 2, "languages", List.of("es")))
                .when().post(url(SCHEDULING, "/api/sites/" + site + "/sessions")).then().statusCode(201);
        Map<String, Object> facts = new HashMap<>(Map.of("category", "c8", "asylumFiledOn", today.minusDays(100).toString()));
        String id = register(phone(), null, facts);
        verifyAll(id);
        await("waitlisted as not yet eligible", () -> given().auth().oauth2(staff).get(url(SCHEDULING, "/api/sites/" + site + "/waitlist"))
                .then().statusCode(200).extract().jsonPath().getList("entries.findAll { it.reason == 'not-yet-eligible' }.applicantId")
                .contains(id));
        assertEquals("none", appointmentStatus(id));
        try {
            for (int port : List.of(INTAKE, SCHEDULING)) {
                given().auth().oauth2(token("admin")).contentType(ContentType.JSON).body(Map.of("offset", "P50D"))
                        .when().put(url(port, "/api/admin/clock")).then().statusCode(200);
            }
            given().auth().oauth2(staff).post(url(INTAKE, "/api/eligibility/review")).then().statusCode(200);
            await("booked once day 150 came", () -> appointmentStatus(id).equals("booked"));
            LocalDate bookedOn = LocalDate.parse(given().auth().oauth2(staff).get(url(SCHEDULING, "/api/applicants/" + id + "/appointment"))
                    .then().extract().path("localDate"));
            assertFalse(bookedOn.isBefore(today.plusDays(50)), "on or after day 150: " + bookedOn);
        } finally {
            for (int port : List.of(INTAKE, SCHEDULING)) {
                given().auth().oauth2(token("admin")).contentType(ContentType.JSON).body(Map.of("offset", "PT0S"))
                        .when().put(url(port, "/api/admin/clock")).then().statusCode(200);
            }
        }
    }

    /**
     * A policy change acts across the services: a TPS designation added over the API makes ten
     * applicants eligible and they are booked; a supervisor's hold over the designation's cases
     * releases every appointment, texts each applicant once (a neutral "contact the clinic", no
     * cancellation text) and is audited; a second hold changes nothing; the lift books them all
     * again.
     */
    @Test
    void aHoldOverADesignationsCasesReleasesTheirSeatsTextsEachOnceAndTheLiftRebooksThem() throws Exception {
        LocalDate today = LocalDate.now();
        String rule = "tps-ht-journey-" + Long.toString(System.currentTimeMillis(), 36);
        Map<String, Object> designation = new HashMap<>(Map.of("id", rule, "kind", "tps-designation", "categories", List.of("a12", "c19"),
                "country", "HT", "designation", "journey", "effectiveFrom", today.minusDays(30).toString(),
                "registrationOpens", today.minusDays(30).toString(), "registrationCloses", today.plusDays(150).toString()));
        designation.put("source", "A test designation notice, 2026-11-30, for the journey test");
        given().auth().oauth2(staff).contentType(ContentType.JSON).body(designation)
                .when().post(url(INTAKE, "/api/eligibility/rules")).then().statusCode(201);
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(register(phone(), null, Map.of("category", "a12", "tpsCountry", "HT")));
        }
        for (String id : ids) {
            verifyAll(id);
        }
        for (String id : ids) {
            await("booked", () -> appointmentStatus(id).equals("booked"));
        }

        String hold = act(rule, Map.of("action", "hold", "reason", "Designation ending: review before filing"));
        awaitAction(hold);
        for (String id : ids) {
            await("the seat released", () -> appointmentStatus(id).equals("cancelled"));
            await("one neutral text", () -> messages(id, "templateKey").contains("contact-clinic"));
            assertEquals("on_hold", given().auth().oauth2(staff).get(url(INTAKE, "/api/applicants/" + id)).then().extract().path("stage"));
        }
        assertEquals(0, (int) awaitAction(act(rule, Map.of("action", "hold", "reason", "Designation ending: again"))).get("changed"),
                "a second hold changes nothing");

        awaitAction(act(rule, Map.of("action", "lift")));
        for (String id : ids) {
            await("booked again", () -> appointmentStatus(id).equals("booked"));
            List<String> templates = messages(id, "templateKey");
            assertEquals(1, templates.stream().filter("contact-clinic"::equals).count(), "one hold text: " + templates);
            assertFalse(templates.contains("appointment-cancelled"), "the hold's release is not a cancellation text");
            assertTrue(given().auth().oauth2(staff).get(url(INTAKE, "/api/audit?applicant=" + id)).then().statusCode(200)
                    .extract().jsonPath().getList("action").containsAll(List.of("policy-hold", "policy-lift")));
        }
    }

    private static String act(String rule, Map<String, Object> action) {
        return given().auth().oauth2(staff).contentType(ContentType.JSON).body(action)
                .when().post(url(INTAKE, "/api/eligibility/rules/" + rule + "/actions")).then().statusCode(202).extract().path("id");
    }

    private static Map<String, Object> awaitAction(String action) throws InterruptedException {
        await("the policy action done", () -> "done".equals(given().auth().oauth2(staff)
                .get(url(INTAKE, "/api/eligibility/actions/" + action)).then().extract().path("status")));
        return given().auth().oauth2(staff).get(url(INTAKE, "/api/eligibility/actions/" + action)).then().extract().path("");
    }

    // ---- helpers ------------------------------------------------------------------------------

    private static String register(String phone, String household) {
        return register(phone, household, Map.of("category", "c11", "paroleEndDate", LocalDate.now().plusYears(1).toString()));
    }

    private static String register(String phone, String household, Map<String, Object> facts) {
        Map<String, Object> body = new HashMap<>(Map.of("givenName", "Journey", "familyName", "Test" + UUID.randomUUID().toString()
                .replaceAll("[^a-f]", ""), "dateOfBirth", "1990-05-05", "countryOfCitizenship", "VE", "preferredLanguage", "es",
                "phone", phone, "smsConsent", true, "siteId", site));
        body.putAll(facts);
        if (household != null) {
            body.put("householdId", household);
        }
        return given().auth().oauth2(staff).contentType(ContentType.JSON).body(body).when()
                .post(url(INTAKE, "/api/applicants")).then().statusCode(201).extract().path("id");
    }

    private static void verifyAll(String id) throws InterruptedException {
        await("checklist", () -> given().auth().oauth2(staff).get(url(DOCUMENTS, "/api/applicants/" + id + "/checklist"))
                .statusCode() == 200);
        List<Map<String, Object>> items = given().auth().oauth2(staff).get(url(DOCUMENTS, "/api/applicants/" + id + "/checklist"))
                .then().extract().path("items");
        for (Map<String, Object> item : items) {
            if (Boolean.TRUE.equals(item.get("required"))) {
                String status = Boolean.TRUE.equals(item.get("mayBeNotApplicable")) ? "not_applicable" : "verified";
                given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("status", status))
                        .when().put(url(DOCUMENTS, "/api/applicants/" + id + "/documents/" + item.get("type"))).then().statusCode(200);
            }
        }
    }

    private static String appointmentStatus(String id) {
        var response = given().auth().oauth2(staff).get(url(SCHEDULING, "/api/applicants/" + id + "/appointment"));
        return response.statusCode() == 200 ? response.path("status") : "none";
    }

    private static String slot(String id) {
        return given().auth().oauth2(staff).get(url(SCHEDULING, "/api/applicants/" + id + "/appointment")).then().extract()
                .path("slotStart");
    }

    private static List<String> inbox(String phone) {
        return given().auth().oauth2(staff).queryParam("to", phone).get(url(NOTIFICATION, "/dev/sms")).then().statusCode(200)
                .extract().path("body");
    }

    /**
     * One field of every message recorded for the applicant; none while notification has not yet
     * heard of the applicant (its 404), since intake's event reaches each service in its own time.
     */
    private static List<String> messages(String id, String field) {
        var response = given().auth().oauth2(staff).get(url(NOTIFICATION, "/api/applicants/" + id + "/messages"));
        if (response.statusCode() == 404) {
            return List.of();
        }
        return response.then().statusCode(200).extract().path(field);
    }

    /** An SMS from the applicant's phone, signed as the provider signs (the local stack's webhook token). */
    private static void inbound(String phone, String text) {
        assertEquals(200, new ClinicApi(STACK).smsFromPhone(phone, text), "the webhook took the SMS");
    }

    private static void await(String what, Supplier<Boolean> condition) throws InterruptedException {
        await(what, java.time.Duration.ofSeconds(60), condition);
    }

    private static void await(String what, java.time.Duration within, Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.get()) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("not within " + within.toSeconds() + " s: " + what);
    }

    private static String token(String user) {
        return given().formParam("grant_type", "password").formParam("client_id", "clinic-cli").formParam("username", user)
                .formParam("password", "demo").when().post(url(LocalStack.KEYCLOAK_PORT, "/realms/clinic/protocol/openid-connect/token"))
                .then().statusCode(200).extract().path("access_token");
    }

    private static String url(int port, String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** A phone number this run has not used, and a past run is unlikely to have (the test stack keeps its data). */
    private static String phone() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        return String.format("+1312%03d%04d", random.nextInt(200, 1000), random.nextInt(10_000));
    }
}
