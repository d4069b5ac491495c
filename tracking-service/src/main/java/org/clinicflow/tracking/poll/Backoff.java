package org.clinicflow.tracking.poll;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When the tracker must leave USCIS alone: after a 429 for USCIS's Retry-After (or 1 minute,
 * doubling to 1 hour while 429s continue); after a server error or no answer for 30 seconds,
 * doubling to 15 minutes; after refused credentials for 15 minutes. A good answer resets it.
 * Per replica: each replica backs off on what it was told. Tested by {@code TrackerTest}.
 */
@ApplicationScoped
public class Backoff {

    private static final Duration MAX_SLOW_DOWN = Duration.ofHours(1);
    private static final Duration MAX_UNAVAILABLE = Duration.ofMinutes(15);
    private static final Duration CREDENTIALS = Duration.ofMinutes(15);

    private Instant pausedUntil = Instant.EPOCH;
    private int slowDowns;
    private int outages;
    private String reason;

    public synchronized boolean paused(Instant now) {
        return now.isBefore(pausedUntil);
    }

    public synchronized Optional<Instant> pausedUntil(Instant now) {
        return paused(now) ? Optional.of(pausedUntil) : Optional.empty();
    }

    public synchronized String reason() {
        return reason;
    }

    /** USCIS said 429. Returns when calls may resume. */
    public synchronized Instant slowDown(Instant now, Optional<Duration> retryAfter) {
        Duration wait = retryAfter.orElseGet(() -> doubled(Duration.ofMinutes(1), slowDowns, MAX_SLOW_DOWN));
        slowDowns++;
        return pause(now, wait, "rate-limited");
    }

    /** USCIS answered 5xx or not at all. */
    public synchronized Instant unavailable(Instant now) {
        Duration wait = doubled(Duration.ofSeconds(30), outages, MAX_UNAVAILABLE);
        outages++;
        return pause(now, wait, "unavailable");
    }

    /** USCIS refused the credentials twice running. */
    public synchronized Instant refused(Instant now) {
        return pause(now, CREDENTIALS, "credentials-refused");
    }

    public synchronized void answered() {
        slowDowns = 0;
        outages = 0;
        reason = null;
    }

    private Instant pause(Instant now, Duration wait, String why) {
        pausedUntil = now.plus(wait);
        reason = why;
        return pausedUntil;
    }

    private static Duration doubled(Duration first, int times, Duration max) {
        Duration d = first.multipliedBy(1L << Math.min(times, 20));
        return d.compareTo(max) > 0 ? max : d;
    }
}
