package org.clinicflow.tracking.poll;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.clinicflow.web.time.ClinicClock;

/**
 * Runs a {@link Poller} round every {@code clinic.tracking.tick} (off in tests, which drive the
 * rounds with a simulated clock). Rounds never overlap.
 */
@ApplicationScoped
public class PollTimer {

    private final Poller poller;
    private final ClinicClock clock;

    private final long roundSeconds;

    PollTimer(Poller poller, ClinicClock clock, org.clinicflow.tracking.uscis.UscisConfig config) {
        this.poller = poller;
        this.clock = clock;
        this.roundSeconds = "off".equals(config.tick()) ? 30 : java.time.Duration.parse(config.tick()).toSeconds();
    }

    @Scheduled(every = "${clinic.tracking.tick}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        poller.round(clock.now(), roundSeconds);
    }
}
