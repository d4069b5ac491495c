package org.clinicflow.scheduling.planning;

import static org.clinicflow.web.problem.ProblemException.invalid;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.clinicflow.scheduling.site.Capacity;
import org.clinicflow.scheduling.site.ClinicSession;
import org.clinicflow.scheduling.site.Site;

/**
 * A site's surge plan from its measured backlog and sessions: the plan to clear by a target date
 * (with the days it takes at today's capacity), a what-if for a roster not imported yet, and the
 * proposed sessions, previewed or created in one step (they serve the waitlist as any new session
 * does). The arithmetic is {@link SurgePlanner}'s. Tested by {@code SurgePlanningTest}.
 */
@ApplicationScoped
public class SurgePlanning {

    /** How a plan is asked for: the target date, the turn-away level, the shape of the sessions to add. */
    public record Ask(LocalDate target, Double turnAway, LocalTime start, LocalTime end, Integer slotMinutes) {
    }

    /** A plan with what today's capacity would do, and the sessions it proposes. */
    public record Answer(SurgePlanner.Plan plan, SurgePlanner.Clearing withTodaysCapacity, Map<String, Double> noShowRates,
            List<ProposedSession> proposed) {
    }

    /** A roster that may arrive: people per language, eligible from a date (or now), and the days to clear it in. */
    public record WhatIf(Map<String, Integer> people, LocalDate eligibleFrom, Integer clearInDays, Ask shape) {
    }

    /** What-if's answer: the days with today's capacity, and the plan that clears in K days. */
    public record WhatIfAnswer(SurgePlanner.Clearing withTodaysCapacity, SurgePlanner.Plan toClearInDays) {
    }

    /** A session the plan proposes. */
    public record ProposedSession(LocalDate date, LocalTime start, LocalTime end, int slotMinutes, int stations, List<String> languages) {
    }

    static final int WEEKS = 8;

    private final Backlog backlog;
    private final Capacity capacity;

    SurgePlanning(Backlog backlog, Capacity capacity) {
        this.backlog = backlog;
        this.capacity = capacity;
    }

    public Answer plan(Site site, Ask ask) {
        Backlog.View view = backlog.of(site, WEEKS);
        SurgePlanner.Shape shape = shape(ask);
        LocalDate target = target(ask, view.today());
        List<SurgePlanner.Cohort> cohorts = cohorts(view);
        Map<String, Double> rates = Backlog.noShowRates(view);
        SurgePlanner.Plan plan = SurgePlanner.plan(new SurgePlanner.Request(view.today(), target, cohorts, rates, turnAway(ask), shape,
                sessions(view)));
        return new Answer(plan, SurgePlanner.daysToClear(view.today(), cohorts, rates, sessions(view), shape), rates,
                proposed(plan, shape));
    }

    public WhatIfAnswer whatIf(Site site, WhatIf w) {
        if (w == null || w.people() == null || w.people().isEmpty()) {
            throw invalid("people", "is required: people per language, such as {\"es\": 300, \"ht\": 120}");
        }
        w.people().forEach((language, n) -> {
            if (!Capacity.LANGUAGES.contains(language) || n == null || n < 0) {
                throw invalid("people." + language, "must be a count for one of en, es, ht, fr, pt");
            }
        });
        Backlog.View view = backlog.of(site, WEEKS);
        List<SurgePlanner.Cohort> cohorts = new ArrayList<>(cohorts(view));
        w.people().forEach((language, n) -> cohorts.add(new SurgePlanner.Cohort(language, w.eligibleFrom(), n)));
        Ask ask = w.shape() == null ? new Ask(null, null, null, null, null) : w.shape();
        SurgePlanner.Shape shape = shape(ask);
        Map<String, Double> rates = Backlog.noShowRates(view);
        int days = w.clearInDays() == null ? 10 : w.clearInDays();
        if (days < 1 || days > 365) {
            throw invalid("clearInDays", "must be between 1 and 365");
        }
        LocalDate target = view.today().plusDays(days);
        return new WhatIfAnswer(SurgePlanner.daysToClear(view.today(), cohorts, rates, sessions(view), shape),
                SurgePlanner.plan(new SurgePlanner.Request(view.today(), target, cohorts, rates, turnAway(ask), shape, sessions(view))));
    }

    /** The sessions the plan proposes (the preview before {@link #create}). */
    public List<ProposedSession> proposed(Site site, Ask ask) {
        return plan(site, ask).proposed();
    }

    /** One session a clinic day that needs new seats, with its stations and the languages needing interpreters (English always). */
    private static List<ProposedSession> proposed(SurgePlanner.Plan plan, SurgePlanner.Shape shape) {
        List<ProposedSession> sessions = new ArrayList<>();
        for (SurgePlanner.PlanDay day : plan.days()) {
            if (day.stations() > 0) {
                TreeSet<String> languages = new TreeSet<>(List.of("en"));
                day.languages().stream().filter(l -> l.newSeats() > 0 && Capacity.LANGUAGES.contains(l.language()))
                        .forEach(l -> languages.add(l.language()));
                sessions.add(new ProposedSession(day.date(), shape.start(), shape.end(), shape.slotMinutes(), day.stations(),
                        List.copyOf(languages)));
            }
        }
        return sessions;
    }

    /** Creates the proposed sessions, each as an admin would (slots, then the waitlist served). */
    @Transactional
    public List<ProposedSession> create(Site site, Ask ask) {
        List<ProposedSession> sessions = proposed(site, ask);
        for (ProposedSession s : sessions) {
            ClinicSession created = capacity.addSession(site.id, new Capacity.NewSession(s.date(), s.start(), s.end(), s.slotMinutes(),
                    s.stations(), s.languages()));
            if (created == null) {
                throw new IllegalStateException("no session created for " + s.date());
            }
        }
        return sessions;
    }

    private static List<SurgePlanner.Cohort> cohorts(Backlog.View view) {
        List<SurgePlanner.Cohort> cohorts = new ArrayList<>();
        for (Backlog.LanguageBacklog l : view.languages()) {
            if (l.eligibleNow() > 0) {
                cohorts.add(new SurgePlanner.Cohort(l.language(), view.today(), (int) l.eligibleNow()));
            }
            l.eligibleFrom().forEach((date, n) -> cohorts.add(new SurgePlanner.Cohort(l.language(), date, n.intValue())));
        }
        return cohorts;
    }

    private static List<SurgePlanner.Session> sessions(Backlog.View view) {
        return view.sessions().stream().map(s -> new SurgePlanner.Session(s.date(), s.free(), java.util.Set.copyOf(s.languages())))
                .toList();
    }

    private static SurgePlanner.Shape shape(Ask ask) {
        LocalTime start = ask.start() == null ? LocalTime.of(9, 0) : ask.start();
        LocalTime end = ask.end() == null ? LocalTime.of(16, 0) : ask.end();
        int slot = ask.slotMinutes() == null ? 30 : ask.slotMinutes();
        if (!end.isAfter(start)) {
            throw invalid("end", "must be after start");
        }
        if (slot < 5 || slot > 240) {
            throw invalid("slotMinutes", "must be between 5 and 240");
        }
        return new SurgePlanner.Shape(start, end, slot, true);
    }

    private static LocalDate target(Ask ask, LocalDate today) {
        LocalDate target = ask.target() == null ? today.plusWeeks(2) : ask.target();
        if (!target.isAfter(today)) {
            throw invalid("target", "must be after today");
        }
        if (target.isAfter(today.plusYears(1))) {
            throw invalid("target", "must be within a year");
        }
        return target;
    }

    private static double turnAway(Ask ask) {
        double alpha = ask.turnAway() == null ? 0.05 : ask.turnAway();
        if (alpha < 0 || alpha >= 0.5) {
            throw invalid("turnAway", "must be at least 0 and under 0.5 (a chance, such as 0.05)");
        }
        return alpha;
    }
}
