package org.clinicflow.web.time;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one clock a service's rules read: eligibility clocks, booking lead times and daily sweeps
 * ask it for "now" and "today" instead of the system clock, so a test (or a rehearsal on the
 * local stack) can move time forward and watch day 150 arrive. Moving it is refused unless
 * {@code clinic.clock.adjustable} is true, which only the dev and test profiles set. Tested by
 * {@code EligibilityGatingTest} in scheduling-service and {@code EligibilityEventsTest} in intake.
 */
@ApplicationScoped
public class ClinicClock {

    private final boolean adjustable;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    ClinicClock(@ConfigProperty(name = "clinic.clock.adjustable", defaultValue = "false") boolean adjustable) {
        this.adjustable = adjustable;
    }

    public Instant now() {
        return Instant.now().plus(offset.get());
    }

    /** Today's date where the rule is applied (a site's zone; the system zone when none is given). */
    public LocalDate today(ZoneId zone) {
        return LocalDate.ofInstant(now(), zone);
    }

    public LocalDate today() {
        return today(ZoneId.systemDefault());
    }

    public Clock clock() {
        return Clock.offset(Clock.systemUTC(), offset.get());
    }

    public Duration offset() {
        return offset.get();
    }

    public boolean adjustable() {
        return adjustable;
    }

    /** Sets how far this clock runs ahead of the system clock. */
    public void setOffset(Duration ahead) {
        if (!adjustable) {
            throw new IllegalStateException("the clinic clock is fixed outside the dev and test profiles");
        }
        offset.set(ahead);
    }
}
