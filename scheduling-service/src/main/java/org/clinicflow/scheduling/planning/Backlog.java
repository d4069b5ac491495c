package org.clinicflow.scheduling.planning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.clinicflow.scheduling.site.Site;

/**
 * A site's backlog and capacity, measured from scheduling's own records (intake's applicant and
 * eligibility events, appointments, sessions): per language, the people registered and neither
 * booked nor filed (eligible now, eligible from a later date, not eligible), the waitlisted, the
 * no-show rate over the last 30 days; per day for the coming weeks, the active bookings by
 * language and each session's seats, free seats and languages. Counts only, no applicant.
 * Tested by {@code SurgePlanningTest}.
 */
@ApplicationScoped
public class Backlog {

    /** The days of appointments a no-show rate is measured over. */
    static final int NO_SHOW_DAYS = 30;

    /** One language's backlog at the site. */
    public record LanguageBacklog(String language, long eligibleNow, Map<LocalDate, Long> eligibleFrom, long notEligible,
            long waitlisted, Double noShowRate, long appointmentsMeasured) {
    }

    /** One session in the coming weeks. */
    public record SessionDay(LocalDate date, int seats, int free, List<String> languages) {
    }

    /** Active bookings of a language on a day. */
    public record BookedDay(LocalDate date, String language, long booked) {
    }

    /** The site's picture. */
    public record View(String siteId, LocalDate today, List<LanguageBacklog> languages, List<BookedDay> booked,
            List<SessionDay> sessions, Double noShowRate) {
    }

    private final EntityManager em;

    Backlog(EntityManager em) {
        this.em = em;
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public View of(Site site, int weeks) {
        ZoneId zone = site.zone();
        LocalDate today = LocalDate.now(zone);
        Map<String, long[]> counts = new TreeMap<>();          // eligibleNow, notEligible, waitlisted
        Map<String, Map<LocalDate, Long>> later = new TreeMap<>();
        List<Object[]> rows = em.createNativeQuery("SELECT COALESCE(k.preferred_language, 'unknown'), "
                + "CASE WHEN k.overridden OR k.eligibility_status IS NULL OR k.eligibility_status = 'eligible' "
                + "       OR (k.eligibility_status = 'not_yet' AND k.eligible_from <= ?2) THEN 'now' "
                + "     WHEN k.eligibility_status = 'not_yet' AND k.eligible_from IS NOT NULL THEN 'later' ELSE 'no' END, "
                + "k.eligible_from, count(*) FROM known_applicant k WHERE k.site_id = ?1 AND NOT k.withdrawn AND k.filed_at IS NULL "
                + "AND NOT EXISTS (SELECT 1 FROM appointment a WHERE a.applicant_id = k.applicant_id "
                + "  AND a.status IN ('booked', 'confirmed', 'on_hold', 'checked_in', 'completed')) "
                + "GROUP BY 1, 2, 3")
                .setParameter(1, site.id).setParameter(2, Date.valueOf(today)).getResultList();
        for (Object[] r : rows) {
            String language = (String) r[0];
            long n = ((Number) r[3]).longValue();
            switch ((String) r[1]) {
                case "now" -> counts.computeIfAbsent(language, l -> new long[3])[0] += n;
                case "later" -> later.computeIfAbsent(language, l -> new TreeMap<>()).merge(date(r[2]), n, Long::sum);
                default -> counts.computeIfAbsent(language, l -> new long[3])[1] += n;
            }
        }
        for (Object[] r : (List<Object[]>) em.createNativeQuery("SELECT COALESCE(language, 'unknown'), count(*) FROM ready_applicant "
                + "WHERE site_id = ?1 AND waitlisted_at IS NOT NULL AND NOT withdrawn GROUP BY 1").setParameter(1, site.id).getResultList()) {
            counts.computeIfAbsent((String) r[0], l -> new long[3])[2] += ((Number) r[1]).longValue();
        }
        Map<String, double[]> shows = new TreeMap<>();          // no-shows, measured
        for (Object[] r : (List<Object[]>) em.createNativeQuery("SELECT COALESCE(language, 'unknown'), "
                + "count(*) FILTER (WHERE status = 'no_show'), count(*) FROM appointment WHERE site_id = ?1 "
                + "AND status IN ('no_show', 'checked_in', 'completed') AND starts_at >= now() - make_interval(days => ?2) "
                + "AND starts_at < now() GROUP BY 1").setParameter(1, site.id).setParameter(2, NO_SHOW_DAYS).getResultList()) {
            shows.put((String) r[0], new double[] {((Number) r[1]).doubleValue(), ((Number) r[2]).doubleValue()});
        }
        java.util.SortedSet<String> languages = new java.util.TreeSet<>(counts.keySet());
        languages.addAll(later.keySet());
        languages.addAll(shows.keySet());
        List<LanguageBacklog> backlog = new ArrayList<>();
        double allNoShows = 0;
        double allMeasured = 0;
        for (String language : languages) {
            long[] c = counts.getOrDefault(language, new long[3]);
            double[] s = shows.getOrDefault(language, new double[2]);
            allNoShows += s[0];
            allMeasured += s[1];
            backlog.add(new LanguageBacklog(language, c[0], later.getOrDefault(language, Map.of()), c[1], c[2],
                    s[1] == 0 ? null : s[0] / s[1], (long) s[1]));
        }
        LocalDate until = today.plusWeeks(weeks);
        List<BookedDay> booked = new ArrayList<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery("SELECT (starts_at AT TIME ZONE ?2)::date, COALESCE(language, 'unknown'), "
                + "count(*) FROM appointment WHERE site_id = ?1 AND status IN ('booked', 'confirmed', 'on_hold', 'checked_in') "
                + "AND starts_at >= now() GROUP BY 1, 2 ORDER BY 1, 2").setParameter(1, site.id).setParameter(2, zone.getId())
                .getResultList()) {
            LocalDate day = date(r[0]);
            if (day.isBefore(until)) {
                booked.add(new BookedDay(day, (String) r[1], ((Number) r[2]).longValue()));
            }
        }
        List<SessionDay> sessions = new ArrayList<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery("SELECT c.session_date, COALESCE(sum(s.capacity), 0), "
                + "COALESCE(sum(s.capacity - s.booked) FILTER (WHERE s.starts_at > now()), 0), c.languages FROM clinic_session c "
                + "LEFT JOIN slot s ON s.session_id = c.id WHERE c.site_id = ?1 AND NOT c.closed AND c.session_date >= ?2 "
                + "AND c.session_date < ?3 GROUP BY c.id, c.session_date, c.languages ORDER BY c.session_date")
                .setParameter(1, site.id).setParameter(2, Date.valueOf(today)).setParameter(3, Date.valueOf(until)).getResultList()) {
            sessions.add(new SessionDay(date(r[0]), ((Number) r[1]).intValue(), ((Number) r[2]).intValue(),
                    Arrays.asList(((String) r[3]).split(","))));
        }
        return new View(site.id, today, backlog, booked, sessions, allMeasured == 0 ? null : allNoShows / allMeasured);
    }

    /** A date column as the driver hands it (Hibernate gives LocalDate; a plain JDBC driver java.sql.Date). */
    private static LocalDate date(Object value) {
        return value instanceof LocalDate d ? d : ((Date) value).toLocalDate();
    }

    /** The no-show rates a plan uses: each language's own, the site's for a language not measured yet ("*"). */
    public static Map<String, Double> noShowRates(View view) {
        Map<String, Double> rates = new LinkedHashMap<>();
        view.languages().stream().filter(l -> l.noShowRate() != null).forEach(l -> rates.put(l.language(), l.noShowRate()));
        if (view.noShowRate() != null) {
            rates.put("*", view.noShowRate());
        }
        return rates;
    }
}
