package org.clinicflow.scheduling.planning;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The surge arithmetic, in one place, with nothing but numbers in and out (no database).
 *
 * <p><b>Visits.</b> Someone who misses an appointment is booked again, so with a no-show rate p
 * a person takes 1 / (1 − p) bookings on average. A cohort (n people of one language, eligible
 * from date e) is spread evenly over the clinic days from max(e, tomorrow) to the target date
 * T: n / (1 − p) / D bookings a day over its D days. People eligible only after T cannot be
 * cleared by T and are reported apart. A language's bookings on a day are its cohorts' shares
 * added up, and made whole bookings on the running total (so the days add up to the people).
 *
 * <p><b>Seats and overbooking.</b> B bookings (rounded up) on S seats: each booked person comes
 * with probability 1 − p, so the number who come is Binomial(B, 1 − p). The seats planned are the
 * fewest S for which P(more than S come) ≤ α, the turn-away level; B / S is the overbooking.
 * Existing free seats of sessions that speak the language are used first (largest demand
 * first); the rest are new seats.
 *
 * <p><b>Stations and interpreters.</b> A new session has the chosen shape (start, end, slot
 * length), so a station gives (end − start) / slot seats a day; stations = ⌈new seats /
 * seats per station⌉. Each new seat in a language other than English needs an interpreter for
 * one slot: interpreter-hours = new seats × slot minutes / 60.
 *
 * <p><b>Days to clear with today's capacity.</b> Day by day from tomorrow, each day's free seats
 * (sessions as published) take the bookings of people already eligible, in the sessions'
 * languages; each seat clears 1 − p of a person on average. Past the last published day, the
 * published days' average capacity is assumed to continue (said so in the answer).
 *
 * <p>Tested against hand-worked cases by {@code SurgePlannerTest}: one language, several, a site
 * without an interpreter for one, people eligible only next week, a 20% no-show rate.
 */
public final class SurgePlanner {

    /** n people of one language who need a visit, eligible from a date (today or earlier: now). */
    public record Cohort(String language, LocalDate eligibleFrom, int people) {
    }

    /** Free seats in an existing session on a day, and the languages it offers. */
    public record Session(LocalDate date, int freeSeats, Set<String> languages) {
    }

    /** The shape of a session the plan proposes. */
    public record Shape(LocalTime start, LocalTime end, int slotMinutes, boolean weekdaysOnly) {

        public int seatsPerStation() {
            return (int) (ChronoUnit.MINUTES.between(start, end) / slotMinutes);
        }

        boolean isClinicDay(LocalDate date) {
            return !weekdaysOnly || (date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY);
        }
    }

    /** What the plan is asked. */
    public record Request(LocalDate today, LocalDate target, List<Cohort> backlog, Map<String, Double> noShowRates, double turnAway,
            Shape shape, List<Session> existing) {
    }

    /** One language on one day: the bookings it needs, the seats they take, how many are new, interpreter-hours. */
    public record LanguageDay(String language, double bookings, int seats, int existingSeats, int newSeats, double interpreterHours) {
    }

    /** One clinic day of the plan. */
    public record PlanDay(LocalDate date, List<LanguageDay> languages, int newSeats, int stations) {
    }

    /** The plan: per day, and in total; people who cannot be seen by the target. */
    public record Plan(LocalDate target, List<PlanDay> days, int newSessions, int stationDays, Map<String, Double> interpreterHours,
            Map<String, Integer> eligibleTooLate) {
    }

    /** When the backlog clears with the sessions as they are. */
    public record Clearing(LocalDate clearedOn, int clinicDays, boolean extrapolated) {
    }

    private static final String NO_INTERPRETER = "en";

    private SurgePlanner() {
    }

    public static Plan plan(Request r) {
        List<LocalDate> days = clinicDays(r.today().plusDays(1), r.target(), r.shape());
        Map<LocalDate, Map<String, Double>> bookings = new TreeMap<>();
        days.forEach(d -> bookings.put(d, new TreeMap<>()));
        Map<String, Integer> tooLate = new TreeMap<>();
        for (Cohort c : r.backlog()) {
            LocalDate from = c.eligibleFrom() == null || !c.eligibleFrom().isAfter(r.today()) ? r.today().plusDays(1) : c.eligibleFrom();
            List<LocalDate> open = days.stream().filter(d -> !d.isBefore(from)).toList();
            if (open.isEmpty()) {
                tooLate.merge(c.language(), c.people(), Integer::sum);
                continue;
            }
            double perDay = c.people() / (1 - rate(r.noShowRates(), c.language())) / open.size();
            open.forEach(d -> bookings.get(d).merge(c.language(), perDay, Double::sum));
        }
        List<PlanDay> plan = new ArrayList<>();
        Map<String, Double> interpreterHours = new TreeMap<>();
        int sessions = 0;
        int stationDays = 0;
        Map<String, Double> cumulative = new TreeMap<>();
        for (LocalDate day : days) {
            Map<String, Double> need = bookings.get(day);
            Map<String, Integer> seats = new LinkedHashMap<>();
            need.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).forEach(e -> {
                // Whole bookings a day, rounded on the running total so the days add up to the people (not one
                // rounded up each day): 4 people over 10 days are 4 bookings, not 10.
                double before = cumulative.getOrDefault(e.getKey(), 0.0);
                double after = before + e.getValue();
                cumulative.put(e.getKey(), after);
                int whole = (int) (Math.ceil(after - 1e-9) - Math.ceil(before - 1e-9));
                seats.put(e.getKey(), seatsFor(whole, rate(r.noShowRates(), e.getKey()), r.turnAway()));
            });
            Map<String, Integer> fromExisting = allocate(seats, r.existing().stream().filter(s -> s.date().equals(day)).toList());
            List<LanguageDay> languages = new ArrayList<>();
            int newSeats = 0;
            for (Map.Entry<String, Integer> e : seats.entrySet()) {
                int existing = fromExisting.getOrDefault(e.getKey(), 0);
                int extra = e.getValue() - existing;
                double hours = NO_INTERPRETER.equals(e.getKey()) ? 0 : extra * r.shape().slotMinutes() / 60.0;
                languages.add(new LanguageDay(e.getKey(), need.get(e.getKey()), e.getValue(), existing, extra, hours));
                interpreterHours.merge(e.getKey(), hours, Double::sum);
                newSeats += extra;
            }
            int stations = (int) Math.ceil((double) newSeats / r.shape().seatsPerStation());
            if (stations > 0) {
                sessions++;
                stationDays += stations;
            }
            plan.add(new PlanDay(day, languages, newSeats, stations));
        }
        return new Plan(r.target(), plan, sessions, stationDays, interpreterHours, tooLate);
    }

    /**
     * The fewest seats S for {@code bookings} (rounded up to B) such that the chance more than S
     * of them come is at most {@code turnAway}, when each comes with probability 1 − noShowRate.
     */
    public static int seatsFor(double bookings, double noShowRate, double turnAway) {
        int n = (int) Math.ceil(bookings - 1e-9);
        if (n <= 0) {
            return 0;
        }
        double q = 1 - noShowRate;
        if (q >= 1) {
            return n;
        }
        double[] pmf = binomial(n, q);
        double above = 1; // P(X > s), for s = -1 first
        for (int s = 0; s <= n; s++) {
            above -= pmf[s];
            if (above <= turnAway + 1e-12) {
                return s;
            }
        }
        return n;
    }

    /** Day by day with the published sessions; past them, their average capacity. */
    public static Clearing daysToClear(LocalDate today, List<Cohort> backlog, Map<String, Double> noShowRates, List<Session> existing,
            Shape shape) {
        Map<String, Double> waiting = new TreeMap<>();
        List<Cohort> later = new ArrayList<>(backlog);
        LocalDate last = existing.stream().map(Session::date).max(LocalDate::compareTo).orElse(today);
        List<Session> published = existing.stream().filter(s -> s.date().isAfter(today)).toList();
        long publishedDays = clinicDays(today.plusDays(1), last, shape).size();
        int clinicDays = 0;
        boolean extrapolated = false;
        for (LocalDate day = today.plusDays(1); clinicDays < 3650; day = day.plusDays(1)) {
            if (!shape.isClinicDay(day)) {
                continue;
            }
            clinicDays++;
            LocalDate d = day;
            later.removeIf(c -> {
                boolean eligible = c.eligibleFrom() == null || !c.eligibleFrom().isAfter(d);
                if (eligible) {
                    waiting.merge(c.language(), c.people() / (1 - rate(noShowRates, c.language())), Double::sum);
                }
                return eligible;
            });
            List<Session> sessions;
            if (!day.isAfter(last)) {
                sessions = published.stream().filter(s -> s.date().equals(d)).toList();
            } else if (published.isEmpty()) {
                return new Clearing(null, clinicDays, true);
            } else {
                extrapolated = true;
                sessions = average(published, publishedDays);
            }
            for (Session s : sessions) {
                double seats = s.freeSeats();
                for (String language : List.copyOf(waiting.keySet())) {
                    if (seats > 0 && s.languages().contains(language)) {
                        double used = Math.min(seats, waiting.get(language));
                        seats -= used;
                        waiting.merge(language, -used, Double::sum);
                    }
                }
            }
            if (later.isEmpty() && waiting.values().stream().allMatch(v -> v < 1e-6)) {
                return new Clearing(day, clinicDays, extrapolated);
            }
        }
        return new Clearing(null, clinicDays, extrapolated);
    }

    /** A day of the published sessions' average: each language mix at its average free seats a clinic day. */
    private static List<Session> average(List<Session> published, long days) {
        Map<Set<String>, Double> seats = new LinkedHashMap<>();
        published.forEach(s -> seats.merge(s.languages(), (double) s.freeSeats(), Double::sum));
        List<Session> day = new ArrayList<>();
        seats.forEach((languages, total) -> day.add(new Session(null, (int) Math.floor(total / Math.max(1, days)), languages)));
        return day;
    }

    /** Existing free seats to the languages that need them, largest need first, within what each session speaks. */
    private static Map<String, Integer> allocate(Map<String, Integer> seats, List<Session> sessions) {
        Map<String, Integer> given = new LinkedHashMap<>();
        for (Session s : sessions) {
            int free = s.freeSeats();
            for (Map.Entry<String, Integer> e : seats.entrySet()) {
                if (free <= 0 || !s.languages().contains(e.getKey())) {
                    continue;
                }
                int want = e.getValue() - given.getOrDefault(e.getKey(), 0);
                int take = Math.min(free, want);
                if (take > 0) {
                    given.merge(e.getKey(), take, Integer::sum);
                    free -= take;
                }
            }
        }
        return given;
    }

    private static List<LocalDate> clinicDays(LocalDate from, LocalDate to, Shape shape) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (shape.isClinicDay(d)) {
                days.add(d);
            }
        }
        return days;
    }

    private static double rate(Map<String, Double> rates, String language) {
        double p = rates.getOrDefault(language, rates.getOrDefault("*", 0.0));
        return Math.min(0.95, Math.max(0, p));
    }

    /** P(X = k) for X ~ Binomial(n, q), computed in log space so that n in the thousands does not underflow. */
    private static double[] binomial(int n, double q) {
        double[] pmf = new double[n + 1];
        double logQ = Math.log(q);
        double logP = Math.log(1 - q);
        double logChoose = 0;
        for (int k = 0; k <= n; k++) {
            if (k > 0) {
                logChoose += Math.log(n - k + 1) - Math.log(k);
            }
            pmf[k] = Math.exp(logChoose + k * logQ + (n - k) * logP);
        }
        return pmf;
    }
}
