package org.clinicflow.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Settings of the outbox relay and the inbox, under {@code clinic.messaging}. Every value can
 * be overridden per service or by environment variable (e.g.
 * {@code CLINIC_MESSAGING_OUTBOX_BATCH_SIZE}).
 */
@ConfigMapping(prefix = "clinic.messaging")
public interface MessagingConfig {

    /** The CloudEvents {@code source} of everything this service publishes: its name. */
    String source();

    Outbox outbox();

    Inbox inbox();

    interface Outbox {

        /** Whether this replica runs a relay; several replicas may, safely. */
        @WithDefault("true")
        boolean relayEnabled();

        /** Most rows sent in one relay transaction. */
        @WithDefault("500")
        int batchSize();

        /** How long the relay sleeps without a NOTIFY before it looks anyway. */
        @WithDefault("1s")
        Duration pollInterval();

        /**
         * Least time between the starts of two relay passes: under load a pass then carries what
         * queued meanwhile (fewer transactions and produce requests), while an idle outbox's first
         * row still goes at once. 100 ms from measurements at a fixed 50 applicants/s on 2 cores
         * (results/bench-20261203-082710): 34.5-35.4 -> 24.5 ms of CPU per applicant and p99
         * 2.0-3.0 -> 1.4 s end to end, since the CPU saved shortened the queues more than the gap
         * lengthened each hop; p50 0.50-0.56 -> 0.39 s.
         */
        @WithDefault("100ms")
        Duration minGap();

        /** How long the relay waits for the broker to acknowledge a batch. */
        @WithDefault("30s")
        Duration sendTimeout();

        /** Longest pause between attempts while the broker or database is unreachable. */
        @WithDefault("10s")
        Duration maxBackoff();
    }

    interface Inbox {

        /** Attempts of a handler before its event goes to the dead-letter topic. */
        @WithDefault("4")
        int maxAttempts();

        /** Pause after the first failed attempt; doubled after each further one. */
        @WithDefault("100ms")
        Duration initialBackoff();

        /** Longest pause between attempts (reached while the database is unreachable). */
        @WithDefault("5s")
        Duration maxBackoff();

        Parking parking();
    }

    /** Events parked for an applicant until their prerequisite arrives (see InboxProcessor). */
    interface Parking {

        /** How long an event may wait for its prerequisite before it goes to the dead-letter topic. */
        @WithDefault("24h")
        Duration bound();

        /** When a parked event is first tried again without being released. */
        @WithDefault("5s")
        Duration firstRetry();

        /** Longest pause between tries of a parked event (doubling from the first). */
        @WithDefault("5m")
        Duration maxRetry();

        /** How often the redriver looks for due events when nothing wakes it. */
        @WithDefault("1s")
        Duration pollInterval();
    }
}
