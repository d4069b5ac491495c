package org.clinicflow.scheduling.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clinicflow.scheduling.planning.SurgePlanner.Cohort;
import org.clinicflow.scheduling.planning.SurgePlanner.Plan;
import org.clinicflow.scheduling.planning.SurgePlanner.PlanDay;
import org.clinicflow.scheduling.planning.SurgePlanner.Request;
import org.clinicflow.scheduling.planning.SurgePlanner.Session;
import org.clinicflow.scheduling.planning.SurgePlanner.Shape;
import org.junit.jupiter.api.Test;

/**
 * The planner against cases worked by hand. Today is Monday 1 March 2027 and the target Friday
 * 12 March: the clinic days are Tuesday 2 to Friday 5 and Monday 8 to Friday 12, nine days. A
 * session runs 09:00 to 16:00 in 30-minute slots: 14 seats a station. Binomial tails were
 * worked outside the code (exact sums): with 14 bookings and a 20% no-show rate, P(more than 12
 * come) = 0.198 and P(more than 13 come) = 0.044, so 13 seats keep turn-aways under 5%; with 13
 * bookings, P(all 13 come) = 0.8^13 = 0.055, so 13 seats.
 */
class SurgePlannerTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 3, 1);
    private static final LocalDate TARGET = LocalDate.of(2027, 3, 12);
    private static final Shape SHAPE = new Shape(LocalTime.of(9, 0), LocalTime.of(16, 0), 30, true);

    @Test
    void oneLanguageIsSpreadEvenlyOverTheNineClinicDays() {
        Plan plan = SurgePlanner.plan(request(List.of(new Cohort("es", TODAY, 90)), Map.of(), List.of()));
        assertEquals(9, plan.days().size());
        assertEquals(LocalDate.of(2027, 3, 2), plan.days().get(0).date());
        for (PlanDay day : plan.days()) {
            assertEquals(10, day.newSeats(), day.date().toString());   // 90 / 9
            assertEquals(1, day.stations());                             // ceil(10 / 14)
        }
        assertEquals(9, plan.newSessions());
        assertEquals(45.0, plan.interpreterHours().get("es"), 1e-9);    // 10 seats x 0.5 h x 9 days
    }

    @Test
    void aTwentyPercentNoShowRateBooksMoreAndOverbooksWithinTheTurnAwayLevel() {
        Plan plan = SurgePlanner.plan(request(List.of(new Cohort("es", TODAY, 100)), Map.of("es", 0.2), List.of()));
        for (PlanDay day : plan.days()) {
            SurgePlanner.LanguageDay es = day.languages().get(0);
            assertEquals(125.0 / 9, es.bookings(), 1e-9);               // 100 / 0.8 bookings over 9 days
            assertEquals(13, es.seats());                                // 14 bookings on 13 seats
        }
        assertEquals(58.5, plan.interpreterHours().get("es"), 1e-9);    // 13 x 0.5 x 9
        // 125 bookings on the running total: 14 a day for eight days, 13 on the ninth.
        assertEquals(13, SurgePlanner.seatsFor(14, 0.2, 0.05));
        assertEquals(14, SurgePlanner.seatsFor(14, 0.2, 0.04));         // 0.044 is over 4%: no overbooking
        assertEquals(14, SurgePlanner.seatsFor(14, 0.0, 0.05));         // nobody misses: a seat each
    }

    @Test
    void aSmallBacklogIsNotRoundedUpEveryDay() {
        Plan plan = SurgePlanner.plan(request(List.of(new Cohort("es", TODAY, 4)), Map.of(), List.of()));
        // 4 people over 9 days: running totals 0.44, 0.89, 1.33, ... give a booking on days 1, 3, 5 and 7.
        assertEquals(List.of(1, 0, 1, 0, 1, 0, 1, 0, 0), plan.days().stream().map(PlanDay::newSeats).toList());
        assertEquals(4, plan.newSessions());
    }

    @Test
    void peopleEligibleNextWeekAreSeenOnlyFromTheirDateAndThoseAfterTheTargetAreSetApart() {
        Plan plan = SurgePlanner.plan(request(List.of(new Cohort("ht", LocalDate.of(2027, 3, 8), 50),
                new Cohort("ht", LocalDate.of(2027, 3, 15), 20)), Map.of(), List.of()));
        for (PlanDay day : plan.days()) {
            int expected = day.date().isBefore(LocalDate.of(2027, 3, 8)) ? 0 : 10;   // 50 over the 5 days from the 8th
            assertEquals(expected, day.newSeats(), day.date().toString());
        }
        assertEquals(Map.of("ht", 20), plan.eligibleTooLate());
        assertEquals(5, plan.newSessions());
    }

    @Test
    void aSiteWithoutAKreyolInterpreterNeedsNewSeatsForKreyolOnly() {
        List<Session> existing = new ArrayList<>();
        for (PlanDay day : SurgePlanner.plan(request(List.of(), Map.of(), List.of())).days()) {
            existing.add(new Session(day.date(), 10, Set.of("es", "en")));
        }
        Plan plan = SurgePlanner.plan(request(List.of(new Cohort("es", TODAY, 45), new Cohort("ht", TODAY, 45)), Map.of(), existing));
        for (PlanDay day : plan.days()) {
            SurgePlanner.LanguageDay es = day.languages().stream().filter(l -> l.language().equals("es")).findFirst().orElseThrow();
            SurgePlanner.LanguageDay ht = day.languages().stream().filter(l -> l.language().equals("ht")).findFirst().orElseThrow();
            assertEquals(5, es.existingSeats());
            assertEquals(0, es.newSeats());
            assertEquals(0, ht.existingSeats(), "the sessions speak es and en only");
            assertEquals(5, ht.newSeats());
            assertEquals(1, day.stations());
        }
        assertEquals(22.5, plan.interpreterHours().get("ht"), 1e-9);    // 5 x 0.5 x 9
        assertEquals(0.0, plan.interpreterHours().get("es"), 1e-9);
    }

    @Test
    void severalLanguagesShareStationsAndEnglishNeedsNoInterpreter() {
        Plan plan = SurgePlanner.plan(request(List.of(new Cohort("es", TODAY, 180), new Cohort("fr", TODAY, 27),
                new Cohort("en", TODAY, 63)), Map.of(), List.of()));
        for (PlanDay day : plan.days()) {
            assertEquals(30, day.newSeats());                            // 20 + 3 + 7
            assertEquals(3, day.stations());                             // ceil(30 / 14)
        }
        assertEquals(27, plan.stationDays());
        assertEquals(90.0, plan.interpreterHours().get("es"), 1e-9);
        assertEquals(13.5, plan.interpreterHours().get("fr"), 1e-9);
        assertEquals(0.0, plan.interpreterHours().get("en"), 1e-9);
    }

    @Test
    void daysToClearWithTodaysCapacityCountsPublishedDaysThenTheirAverage() {
        List<Session> fourDays = List.of(new Session(LocalDate.of(2027, 3, 2), 10, Set.of("es")),
                new Session(LocalDate.of(2027, 3, 3), 10, Set.of("es")), new Session(LocalDate.of(2027, 3, 4), 10, Set.of("es")),
                new Session(LocalDate.of(2027, 3, 5), 10, Set.of("es")));
        // 100 people, 10 seats a clinic day: the 10th clinic day, Monday 15 March (past the published week: extrapolated).
        SurgePlanner.Clearing clearing = SurgePlanner.daysToClear(TODAY, List.of(new Cohort("es", TODAY, 100)), Map.of(), fourDays, SHAPE);
        assertEquals(LocalDate.of(2027, 3, 15), clearing.clearedOn());
        assertEquals(10, clearing.clinicDays());
        assertTrue(clearing.extrapolated());
        // A 20% no-show rate: 125 bookings, the 13th clinic day, Thursday 18 March.
        assertEquals(LocalDate.of(2027, 3, 18), SurgePlanner.daysToClear(TODAY, List.of(new Cohort("es", TODAY, 100)),
                Map.of("es", 0.2), fourDays, SHAPE).clearedOn());
        // Nobody speaks Kreyòl: never cleared.
        assertEquals(null, SurgePlanner.daysToClear(TODAY, List.of(new Cohort("ht", TODAY, 10)), Map.of(), fourDays, SHAPE).clearedOn());
    }

    private static Request request(List<Cohort> backlog, Map<String, Double> rates, List<Session> existing) {
        return new Request(TODAY, TARGET, backlog, rates, 0.05, SHAPE, existing);
    }
}
