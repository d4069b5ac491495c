package org.clinicflow.tracking.standin;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.clinicflow.tracking.uscis.UscisConfig;
import org.clinicflow.web.time.ClinicClock;

/**
 * What the stand-in for USCIS knows: the tokens it issued, each receipt's script and the faults
 * queued for the next calls. A receipt's script is a list of USCIS titles, each reached a step
 * later than the one before, counted from when the receipt is first asked about (the clinic
 * clock, so a moved clock moves it too). Unscripted receipts follow a default chosen by their
 * last digit: 9 is unknown to USCIS (404), 7 gets a request for evidence, 6 is denied, 8 has its
 * card returned by the post office, any other goes received, approved, card mailed, delivered.
 * In memory: a stand-in restarted starts over. Tested through the tracker by {@code TrackerTest}.
 */
@ApplicationScoped
public class UscisStandIn {

    static final Duration TOKEN_LIFE = Duration.ofMinutes(30);
    static final String RECEIVED = "Case Was Received";
    static final String APPROVED = "Case Was Approved";
    static final String MAILED = "Card Was Mailed To Me";

    /** One fault to answer a coming call with (status 401, 429, 500...) and its Retry-After, if any. */
    public record Fault(int status, String retryAfter) {
    }

    /** Where a receipt stands: its current title, when it was reached, and the titles before it. */
    public record Standing(String title, LocalDate since, LocalDate firstSeen, List<String> earlier, List<LocalDate> earlierDates) {
    }

    private final ClinicClock clock;
    private final UscisConfig config;
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
    private final Map<String, List<String>> scripts = new ConcurrentHashMap<>();
    private final Map<String, Instant> firstSeen = new ConcurrentHashMap<>();
    private final Deque<Fault> faults = new ArrayDeque<>();
    private final AtomicInteger statusCalls = new AtomicInteger();
    private final AtomicInteger tokenCalls = new AtomicInteger();

    UscisStandIn(ClinicClock clock, UscisConfig config) {
        this.clock = clock;
        this.config = config;
    }

    public boolean enabled() {
        return config.standIn().enabled();
    }

    /** Issues a token for the configured client credentials; empty for any others. */
    public Optional<String> token(String clientId, String clientSecret) {
        tokenCalls.incrementAndGet();
        if (!config.uscis().clientId().equals(clientId) || !config.uscis().clientSecret().equals(clientSecret)) {
            return Optional.empty();
        }
        String token = UUID.randomUUID().toString().replace("-", "");
        tokens.put(token, Instant.now().plus(TOKEN_LIFE));
        return Optional.of(token);
    }

    public boolean valid(String token) {
        Instant expires = token == null ? null : tokens.get(token);
        return expires != null && Instant.now().isBefore(expires);
    }

    /** The fault queued for this call, if any (counted as a call: USCIS counts refused calls too). */
    public synchronized Optional<Fault> nextFault() {
        statusCalls.incrementAndGet();
        return Optional.ofNullable(faults.poll());
    }

    /** Where a receipt stands now; empty when USCIS would not know it. */
    public Optional<Standing> standing(String receipt) {
        List<String> script = scripts.getOrDefault(receipt, defaultScript(receipt));
        if (script.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.now();
        Instant first = firstSeen.computeIfAbsent(receipt, r -> now);
        long steps = Math.max(0, Duration.between(first, now).toNanos() / Math.max(1, config.standIn().step().toNanos()));
        int at = (int) Math.min(script.size() - 1, steps);
        List<String> earlier = new ArrayList<>();
        List<LocalDate> dates = new ArrayList<>();
        for (int i = at - 1; i >= 0; i--) {
            earlier.add(script.get(i));
            dates.add(date(first.plus(config.standIn().step().multipliedBy(i))));
        }
        return Optional.of(new Standing(script.get(at), date(first.plus(config.standIn().step().multipliedBy(at))), date(first),
                earlier, dates));
    }

    /** Scripts a receipt: its titles in order, one step apart, starting over from now. */
    public void script(String receipt, List<String> titles) {
        scripts.put(receipt, List.copyOf(titles));
        firstSeen.put(receipt, clock.now());
    }

    /** Queues faults for the next status calls, in order. */
    public synchronized void fail(Fault... next) {
        faults.addAll(List.of(next));
    }

    /** Forgets every token issued (as USCIS does when they expire): the next call is a 401. */
    public void revokeTokens() {
        tokens.clear();
    }

    public int statusCalls() {
        return statusCalls.get();
    }

    public int tokenCalls() {
        return tokenCalls.get();
    }

    private static List<String> defaultScript(String receipt) {
        char last = receipt.charAt(receipt.length() - 1);
        return switch (last) {
            case '9' -> List.of();
            case '7' -> List.of(RECEIVED, "Request for Evidence Was Sent");
            case '6' -> List.of(RECEIVED, "Case Was Denied");
            case '8' -> List.of(RECEIVED, APPROVED, MAILED, "Notice Was Returned To USCIS Because The Post Office Could Not Deliver It");
            default -> List.of(RECEIVED, APPROVED, MAILED, "Card Was Delivered To Me By The Post Office");
        };
    }

    private static LocalDate date(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
