package org.clinicflow.tracking.uscis;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.time.ZoneId;

/**
 * The tracker's settings ({@code clinic.tracking.*}): USCIS credentials, the quota and its pace,
 * and the stand-in. Read by {@code TrackerTest} through the running service.
 */
@ConfigMapping(prefix = "clinic.tracking")
public interface UscisConfig {

    Uscis uscis();

    Quota quota();

    /** Nobody is asked about more often than this, however much quota is left. */
    @WithName("min-interval")
    Duration minInterval();

    @WithName("stand-in")
    StandIn standIn();

    /** How often the poller runs a round: a duration, or {@code off} (tests drive the rounds). */
    String tick();

    interface Uscis {
        @WithName("client-id")
        String clientId();

        @WithName("client-secret")
        String clientSecret();

        /** False while the credentials are the placeholder: the tracker then spends nothing. */
        default boolean configured() {
            return !"unset".equals(clientId()) && !"unset".equals(clientSecret());
        }
    }

    interface Quota {
        @WithName("per-day")
        int perDay();

        /** The share of the day's quota kept back from the schedule (retries, checks asked for). */
        double reserve();

        @WithName("per-second")
        int perSecond();

        ZoneId zone();
    }

    interface StandIn {
        boolean enabled();

        Duration step();
    }
}
