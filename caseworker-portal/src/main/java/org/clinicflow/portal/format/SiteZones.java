package org.clinicflow.portal.format;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.clinicflow.portal.api.Site;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Each site's time zone, from scheduling-service's site list, kept five minutes (zones change
 * when a site is created, not per page). A site the list does not name, or a list that cannot be
 * read, falls back to the clinic's zone ({@code clinic.portal.time-zone}). Exercised through
 * the page tests ({@code TodayPageTest}: Chicago times from the stubbed site list).
 */
@ApplicationScoped
public class SiteZones {

    private static final Duration KEEP = Duration.ofMinutes(5);

    private final ZoneId clinicZone;
    private final Clock clock;
    private volatile Map<String, Site> sites = Map.of();
    private volatile Instant readAt = Instant.EPOCH;

    SiteZones(@ConfigProperty(name = "clinic.portal.time-zone", defaultValue = "America/Chicago") String clinicZone) {
        this.clinicZone = ZoneId.of(clinicZone);
        this.clock = Clock.systemUTC();
    }

    /** The site's zone; {@code list} reads the sites when the kept copy is older than five minutes. */
    public ZoneId of(String siteId, Supplier<List<Site>> list) {
        if (siteId == null) {
            return clinicZone;
        }
        Site site = sites(list).get(siteId);
        if (site == null || site.timeZone() == null) {
            return clinicZone;
        }
        try {
            return ZoneId.of(site.timeZone());
        } catch (DateTimeException e) {
            return clinicZone;
        }
    }

    /** The kept sites by id, read again when stale; an unreadable list keeps what was kept. */
    private Map<String, Site> sites(Supplier<List<Site>> list) {
        if (Duration.between(readAt, clock.instant()).compareTo(KEEP) > 0 || sites.isEmpty()) {
            try {
                sites = list.get().stream().collect(Collectors.toMap(Site::id, Function.identity(), (a, b) -> a));
                readAt = clock.instant();
            } catch (RuntimeException e) {
                // scheduling-service did not answer: the clinic's zone stands in until it does
            }
        }
        return sites;
    }
}
