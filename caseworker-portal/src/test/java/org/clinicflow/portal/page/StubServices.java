package org.clinicflow.portal.page;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * intake, document, scheduling and notification as one HTTP server answering in the services'
 * JSON shapes (field names as their views declare them): one case (Wilner Étienne, Kreyòl, a
 * parolee, opted out of SMS, in a household with Nadège, with a timeline across the spring DST
 * change in Chicago), and a day of 50 appointments at chicago-south. Each answer waits
 * {@link #DELAY_MS} so that calls made one after another never overlap; the server counts how
 * many were in flight at once and which carried a bearer token. Started by Quarkus before the
 * portal, whose REST clients it points at itself.
 */
public class StubServices implements QuarkusTestResourceLifecycleManager {

    static final String CASE = "5f0c1e7a-0000-4000-8000-000000000001";
    static final String SISTER = "5f0c1e7a-0000-4000-8000-000000000002";
    static final String HOUSEHOLD = "7d1e0000-0000-4000-8000-0000000000aa";
    static final String SCAN = "9a000000-0000-4000-8000-0000000000f1";
    static final String DAY = "2026-12-01";
    static final int DAY_ROWS = 50;
    static final long DELAY_MS = 40;

    // Read by the tests over HTTP ({@code GET /stub/stats}, {@code POST /stub/reset}): a test
    // resource and the test need not share a class loader.
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();
    private final ConcurrentLinkedQueue<String> unauthenticated = new ConcurrentLinkedQueue<>();

    private static final ObjectMapper JSON = new ObjectMapper();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/", this::answer);
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("quarkus.rest-client.intake.url", url, "quarkus.rest-client.document.url", url,
                "quarkus.rest-client.scheduling.url", url, "quarkus.rest-client.notification.url", url);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        if (exchange.getRequestURI().getPath().startsWith("/stub/")) {
            stats(exchange);
            return;
        }
        int now = inFlight.incrementAndGet();
        mostInFlight.accumulateAndGet(now, Math::max);
        try {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (auth == null || !auth.startsWith("Bearer ")) {
                unauthenticated.add(exchange.getRequestURI().toString());
            }
            Thread.sleep(DELAY_MS);
            Object body = route(exchange.getRequestURI().getPath(), query(exchange.getRequestURI().getRawQuery()));
            byte[] bytes = body == null ? "{\"status\":404,\"title\":\"not-found\",\"detail\":\"No such thing\"}".getBytes(StandardCharsets.UTF_8)
                    : JSON.writeValueAsBytes(body);
            exchange.getResponseHeaders().add("Content-Type", body == null ? "application/problem+json" : "application/json");
            exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            inFlight.decrementAndGet();
            exchange.close();
        }
    }

    private void stats(HttpExchange exchange) throws IOException {
        if (exchange.getRequestURI().getPath().equals("/stub/reset")) {
            mostInFlight.set(0);
            unauthenticated.clear();
        }
        byte[] bytes = JSON.writeValueAsBytes(Map.of("mostInFlight", mostInFlight.get(), "unauthenticated", List.copyOf(unauthenticated)));
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static Object route(String path, Map<String, List<String>> query) {
        return switch (path) {
            case "/api/sites" -> List.of(Map.of("id", "chicago-south", "name", "South Loop Clinic", "address", "1 Example Plaza",
                    "timeZone", "America/Chicago"));
            case "/api/applicants" -> search(query);
            case "/api/applicants/" + CASE -> wilner();
            case "/api/applicants/" + CASE + "/timeline" -> List.of(
                    Map.of("eventType", "clinic.intake.applicant-registered.v1", "source", "intake", "actor", "caseworker",
                            "occurredAt", "2026-03-08T07:30:00Z", "summary", "Registered"),
                    Map.of("eventType", "clinic.documents.documents-checked.v1", "source", "document", "actor", "caseworker",
                            "occurredAt", "2026-03-08T08:30:00Z", "summary", "Verified: i94"));
            case "/api/applicants/" + CASE + "/tasks" -> List.of();
            case "/api/applicants/" + CASE + "/form" -> Map.of("met", 5, "total", 9, "complete", false, "layout", "i765-2025");
            case "/api/applicants/" + CASE + "/checklist" -> Map.of("applicantId", CASE, "ready", false, "withdrawn", false,
                    "category", "c11", "siteId", "chicago-south", "templateVersion", "2026-11", "items", List.of(
                            item("i94", "I-94 arrival record", true, false, "verified"),
                            item("photos", "Two passport-style photos", true, true, "pending")));
            case "/api/applicants/" + CASE + "/scans" -> List.of(Map.of("id", SCAN, "documentType", "i94", "mediaType", "application/pdf",
                    "sizeBytes", 20480, "pages", 2, "uploadedBy", "caseworker", "uploadedAt", "2026-11-30T16:05:00Z"));
            case "/api/applicants/" + CASE + "/appointment" -> Map.ofEntries(Map.entry("id", "a0000000-0000-4000-8000-000000000001"),
                    Map.entry("applicantId", CASE), Map.entry("siteId", "chicago-south"), Map.entry("siteName", "South Loop Clinic"),
                    Map.entry("timeZone", "America/Chicago"), Map.entry("slotStart", "2026-12-01T15:00:00Z"),
                    Map.entry("localDate", DAY), Map.entry("localTime", "09:00:00"), Map.entry("status", "booked"),
                    Map.entry("language", "ht"));
            case "/api/sites/chicago-south/availability" -> List.of(Map.of("slotStart", "2026-12-01T15:00:00Z", "localDate", "2026-12-01",
                    "localTime", "09:00:00", "free", 1), Map.of("slotStart", "2026-12-02T16:30:00Z", "localDate", "2026-12-02",
                    "localTime", "10:30:00", "free", 3));
            case "/api/applicants/" + CASE + "/messages" -> List.of(Map.of("id", "e0000000-0000-4000-8000-000000000001",
                    "templateKey", "appointment-booked", "language", "ht", "status", "delivered", "body", "Ou gen yon randevou",
                    "createdAt", "2026-11-29T14:00:00Z"));
            case "/api/applicants/" + CASE + "/replies" -> List.of(Map.of("id", "e0000000-0000-4000-8000-0000000000c1", "intent", "confirm",
                    "body", "C", "receivedAt", "2026-11-29T14:30:00Z"));
            case "/api/applicants/" + CASE + "/sms" -> Map.of("smsConsent", true, "phoneKnown", true, "optedOut", true,
                    "optedOutAt", "2026-11-29T15:00:00Z", "withdrawn", false);
            case "/api/sites/chicago-south/queue" -> day();
            case "/api/sites/chicago-south/waitlist" -> Map.of("siteId", "chicago-south", "counts", Map.of(), "entries", List.of());
            default -> null;
        };
    }

    private static Map<String, Object> item(String type, String label, boolean required, boolean waivable, String status) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("type", type);
        item.put("label", label);
        item.put("required", required);
        item.put("mayBeNotApplicable", waivable);
        item.put("status", status);
        item.put("reason", null);
        return item;
    }

    private static Map<String, Object> wilner() {
        Map<String, Object> a = person(CASE, "Wilner", "Étienne");
        a.put("eligibility", Map.of("category", "c11", "status", "ELIGIBLE", "eligibleNow", true, "filingDate", "2026-11-30",
                "reasons", List.of("Parolee: may file now"), "ruleBookVersion", "2026-11-30",
                "fees", Map.of("lines", List.of(Map.of("ruleId", "fee-i765-online", "description", "I-765 filing fee (online)",
                        "amountUsd", 470, "waivable", true)), "totalUsd", 470, "waivableUsd", 470, "waiverClaimed", false, "owedUsd", 470)));
        a.put("eligibilityStatus", "eligible");
        a.put("someFieldIntakeAddedLater", "ignored by the portal");
        return a;
    }

    private static Map<String, Object> person(String id, String given, String family) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("id", id);
        a.put("givenName", given);
        a.put("familyName", family);
        a.put("dateOfBirth", "1990-04-12");
        a.put("countryOfCitizenship", "HT");
        a.put("preferredLanguage", "ht");
        a.put("phone", "+13125550101");
        a.put("smsConsent", true);
        a.put("aNumber", "A-•••••1234");
        a.put("householdId", HOUSEHOLD);
        a.put("siteId", "chicago-south");
        a.put("category", "c11");
        a.put("stage", "booked");
        a.put("createdAt", "2026-11-30T15:00:00Z");
        return a;
    }

    /** The search: a household's members, the day's people by id, or one page of everyone. */
    private static Map<String, Object> search(Map<String, List<String>> query) {
        List<Object> items = new ArrayList<>();
        if (query.containsKey("householdId")) {
            items.add(person(CASE, "Wilner", "Étienne"));
            items.add(person(SISTER, "Nadège", "Étienne"));
        } else if (query.containsKey("id")) {
            for (String id : query.get("id")) {
                items.add(person(id, "Person", String.format("%02d", Integer.parseInt(id.substring(id.length() - 2)))));
            }
        } else {
            for (int i = 0; i < 25; i++) {
                items.add(person(dayId(i), "Person", String.format("%02d", i)));
            }
        }
        return Map.of("items", items, "page", 0, "size", items.size(), "hasMore", false);
    }

    /** 50 appointments from 9:00, every 10 minutes, the first ten checked in. */
    private static Map<String, Object> day() {
        List<Object> entries = new ArrayList<>();
        for (int i = 0; i < DAY_ROWS; i++) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("applicantId", dayId(i));
            e.put("appointmentId", "a0000000-0000-4000-8000-0000000001" + String.format("%02d", i));
            e.put("localTime", String.format("%02d:%02d:00", 9 + i * 10 / 60, i * 10 % 60));
            e.put("status", i < 10 ? "waiting" : "expected");
            e.put("language", i % 2 == 0 ? "es" : "ht");
            e.put("checkedInAt", i < 10 ? Instant.parse("2026-12-01T15:00:00Z").toString() : null);
            e.put("waitingMinutes", i < 10 ? (long) (20 + i) : null);
            entries.add(e);
        }
        return Map.of("siteId", "chicago-south", "date", DAY, "counts", Map.of("waiting", 10L, "expected", 40L), "entries", entries);
    }

    static String dayId(int i) {
        return "d0000000-0000-4000-8000-0000000000" + String.format("%02d", i);
    }

    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                params.computeIfAbsent(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), k -> new ArrayList<>())
                        .add(kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return params;
    }
}
