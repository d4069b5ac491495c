package org.clinicflow.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The clinic's REST APIs as the benchmark and the fault-injection run call them: real Keycloak
 * tokens (the demo users, through the {@code clinic-cli} client, renewed before they expire),
 * JSON over HTTP/1.1. Calls that fail answer with their status; the drivers decide what counts.
 */
public final class ClinicApi {

    /** One answer: the HTTP status and the JSON body (a missing node when there is none). */
    public record Answer(int status, JsonNode body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TOKEN_LIFE = Duration.ofMinutes(5);

    private final LocalStack stack;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> tokens = new HashMap<>();
    private final Map<String, Long> tokenTimes = new HashMap<>();

    public ClinicApi(LocalStack stack) {
        this.stack = stack;
    }

    public Answer get(String service, String path, String user) {
        return send(service, path, user, HttpRequest.newBuilder().GET());
    }

    public Answer post(String service, String path, String user, Object body) {
        return send(service, path, user, HttpRequest.newBuilder().POST(json(body)).header("Content-Type", "application/json"));
    }

    /** A CSV upload (a roster). */
    public Answer postCsv(String service, String path, String user, String csv) {
        return send(service, path, user, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8))
                .header("Content-Type", "text/csv"));
    }

    public Answer put(String service, String path, String user, Object body) {
        return send(service, path, user, HttpRequest.newBuilder().PUT(json(body)).header("Content-Type", "application/json"));
    }

    /**
     * Opens a site whose clock is early afternoon now (so quiet hours never hold an SMS back) with
     * enough seats, from the day after tomorrow (so no 24-hour reminder falls due during a run).
     */
    public String openSite(String prefix, int seats) {
        String site = prefix + "-" + Long.toString(System.currentTimeMillis(), 36);
        String zone = afternoonZone();
        require(post("scheduling-service", "/api/sites", "admin",
                Map.of("id", site, "name", "Surge Clinic", "address", "1 Bench Street", "timeZone", zone)));
        int perSession = 32 * 500; // 09:00-17:00 in 15-minute slots, 500 stations
        for (int day = 1; (day - 1) * perSession < seats; day++) {
            require(post("scheduling-service", "/api/sites/" + site + "/sessions", "admin",
                    Map.of("date", LocalDate.now(ZoneId.of(zone)).plusDays(day + 1).toString(), "start", "09:00", "end", "17:00",
                            "slotMinutes", 15, "stations", 500, "languages", List.of("es", "en", "fr", "ht", "pt"))));
        }
        return site;
    }

    /** Registers a parolee (category c11) at the site; answers the new applicant's id. */
    public Answer register(String site, String phone, String language) {
        Map<String, Object> body = new HashMap<>(Map.of("givenName", "Surge", "familyName", "Applicant" + letters(),
                "dateOfBirth", "1990-05-05", "countryOfCitizenship", "VE", "preferredLanguage", language, "phone", phone,
                "smsConsent", true, "siteId", site, "category", "c11"));
        body.put("paroleEndDate", LocalDate.now().plusYears(1).toString());
        return post("intake-service", "/api/applicants", "supervisor", body);
    }

    /** Checks every required document as a caseworker would, in one save: verified, or not applicable where it may be. */
    public boolean verifyAll(UUID applicant, JsonNode checklist) {
        List<Map<String, String>> checks = new ArrayList<>();
        for (JsonNode item : checklist.path("items")) {
            if (item.path("required").asBoolean() && !"verified".equals(item.path("status").asText())) {
                String status = item.path("mayBeNotApplicable").asBoolean() ? "not_applicable" : "verified";
                checks.add(Map.of("type", item.path("type").asText(), "status", status));
            }
        }
        // The papers the applicant brought, checked in one save as the portal's case page does.
        return checks.isEmpty() || put("document-service", "/api/applicants/" + applicant + "/documents", "supervisor",
                Map.of("checks", checks)).ok();
    }

    /**
     * Registers the run's {@code index}-th applicant (retried for a minute while intake restarts);
     * answers the new id, or null when intake kept refusing.
     */
    public UUID registerNumbered(String site, int index) {
        Answer created = retried(() -> register(site, phone(index), index % 3 == 0 ? "en" : "es"));
        return created.status() == 201 ? UUID.fromString(created.body().path("id").asText()) : null;
    }

    /** What a caseworker's look at the checklist found. */
    public enum Check {
        VERIFIED, NO_CHECKLIST_YET, FAILED
    }

    /**
     * A caseworker opens the applicant's checklist and checks every required document; a service
     * restarting is retried for a minute.
     */
    public Check checkDocuments(UUID id) {
        String path = "/api/applicants/" + id + "/checklist";
        Answer checklist = retried(() -> get("document-service", path, "supervisor"));
        if (checklist.status() == 404) {
            return Check.NO_CHECKLIST_YET;
        }
        for (int attempt = 0; attempt < RETRIES; attempt++) {
            if (checklist.status() == 200 && verifyAll(id, checklist.body())) {
                return Check.VERIFIED;
            }
            pause(250);
            checklist = get("document-service", path, "supervisor");
        }
        return Check.FAILED;
    }

    /** Registration, then the documents checked once the checklist is there (polled with backoff). */
    public UUID throughDocuments(String site, int index) {
        UUID id = registerNumbered(site, index);
        long wait = 100;
        for (int attempt = 0; id != null && attempt < 30; attempt++) {
            Check check = checkDocuments(id);
            if (check != Check.NO_CHECKLIST_YET) {
                return check == Check.VERIFIED ? id : null;
            }
            pause(wait);
            wait = Math.min(2000, wait * 2);
        }
        return null;
    }

    private static final int RETRIES = 240;

    private static Answer retried(java.util.function.Supplier<Answer> call) {
        Answer answer = call.get();
        for (int attempt = 0; attempt < RETRIES && (answer.status() == 0 || answer.status() >= 500); attempt++) {
            pause(250); // a service restarting
            answer = call.get();
        }
        return answer;
    }

    private static void pause(long millis) {
        java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(millis).toNanos());
    }

    /** The run's {@code index}-th phone number: distinct within a run, so two SMS to one phone are a duplicate. */
    public static String phone(int index) {
        return String.format("+1312%07d", 2_000_000 + index);
    }

    private Answer send(String service, String path, String user, HttpRequest.Builder request) {
        int port = service.equals("keycloak") ? stack.keycloakPort() : stack.servicePort(service);
        request.uri(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30));
        if (user != null) {
            request.header("Authorization", "Bearer " + token(user));
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            byte[] body = response.body();
            return new Answer(response.statusCode(), body.length == 0 ? JSON.missingNode() : JSON.readTree(body));
        } catch (IOException e) {
            return new Answer(0, JSON.missingNode()); // refused or reset: the service is down or restarting
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, JSON.missingNode());
        }
    }

    /**
     * An SMS from the applicant's phone as the provider delivers it: the webhook form, signed
     * with the stack's webhook token the way Twilio signs (HMAC-SHA1 of the URL and the sorted
     * parameters). Answers the webhook's status.
     */
    public int smsFromPhone(String phone, String text) {
        Map<String, String> params = new java.util.TreeMap<>(Map.of("From", phone, "Body", text, "MessageSid",
                "SM" + UUID.randomUUID().toString().replace("-", "")));
        String url = "http://127.0.0.1:" + stack.servicePort("notification-service") + "/webhooks/sms/inbound";
        StringBuilder signed = new StringBuilder(url);
        StringBuilder form = new StringBuilder();
        params.forEach((k, v) -> {
            signed.append(k).append(v);
            form.append(form.length() == 0 ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
            mac.init(new javax.crypto.spec.SecretKeySpec(stack.secret("webhook-signing").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            String signature = java.util.Base64.getEncoder().encodeToString(mac.doFinal(signed.toString().getBytes(StandardCharsets.UTF_8)));
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-Twilio-Signature", signature).POST(HttpRequest.BodyPublishers.ofString(form.toString())).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The user's current access token (renewed before it expires), for drivers that send requests of their own. */
    public String bearer(String user) {
        return token(user);
    }

    private synchronized String token(String user) {
        Long at = tokenTimes.get(user);
        if (at == null || System.nanoTime() - at > TOKEN_LIFE.toNanos()) {
            String form = "grant_type=password&client_id=clinic-cli&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                    + "&password=demo";
            HttpRequest request = HttpRequest.newBuilder()
                    .uri(URI.create("http://127.0.0.1:" + stack.keycloakPort() + "/realms/clinic/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
                    .build();
            try {
                JsonNode answer = JSON.readTree(http.send(request, HttpResponse.BodyHandlers.ofByteArray()).body());
                tokens.put(user, answer.path("access_token").asText());
                tokenTimes.put(user, System.nanoTime());
            } catch (IOException e) {
                throw new UncheckedIOException("Keycloak did not answer for " + user, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return tokens.get(user);
    }

    private static HttpRequest.BodyPublisher json(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Answer require(Answer answer) {
        if (!answer.ok()) {
            throw new IllegalStateException("HTTP " + answer.status() + ": " + answer.body());
        }
        return answer;
    }

    private static String letters() {
        return UUID.randomUUID().toString().replaceAll("[^a-f]", "");
    }

    /** An IANA zone where it is now about one in the afternoon (Etc/GMT-N is N hours ahead of UTC). */
    static String afternoonZone() {
        int offset = Math.floorMod(13 - ZonedDateTime.now(ZoneOffset.UTC).getHour() + 12, 24) - 12;
        return offset == 0 ? "Etc/GMT" : "Etc/GMT" + (offset > 0 ? "-" + offset : "+" + (-offset));
    }
}
