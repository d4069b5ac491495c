package org.clinicflow.notification.message;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The sender's rate limit as a token bucket: {@code rate} tokens a second flow in, at most
 * {@code burst} saved up; one SMS part takes one token. Carriers allow a long code about one
 * part a second, a short code about a hundred. Thread-safe. Tested by {@code RulesOfSendingTest}.
 */
@ApplicationScoped
public class TokenBucket {

    private final double ratePerSecond;
    private final double burst;
    private final java.util.function.LongSupplier nanoClock;
    private double tokens;
    private long last;

    @jakarta.inject.Inject
    TokenBucket(@ConfigProperty(name = "clinic.notification.rate-per-second", defaultValue = "50") double ratePerSecond,
            @ConfigProperty(name = "clinic.notification.burst", defaultValue = "100") double burst) {
        this(ratePerSecond, burst, System::nanoTime);
    }

    TokenBucket(double ratePerSecond, double burst, java.util.function.LongSupplier nanoClock) {
        this.ratePerSecond = ratePerSecond;
        this.burst = burst;
        this.nanoClock = nanoClock;
        this.tokens = burst;
        this.last = nanoClock.getAsLong();
    }

    /** Takes {@code parts} tokens if there are enough; false means wait. */
    public synchronized boolean tryTake(int parts) {
        long now = nanoClock.getAsLong();
        tokens = Math.min(burst, tokens + (now - last) / 1e9 * ratePerSecond);
        last = now;
        if (tokens >= parts) {
            tokens -= parts;
            return true;
        }
        return false;
    }
}
