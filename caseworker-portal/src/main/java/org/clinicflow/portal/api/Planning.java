package org.clinicflow.portal.api;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/**
 * scheduling-service's surge planning as the planning page reads it: the site's backlog, the plan
 * with the sessions it proposes, and a what-if. Field names as scheduling's planning views
 * declare them ({@code Backlog.View}, {@code SurgePlanning.Answer}, {@code SurgePlanner.Plan}).
 */
public final class Planning {

    private Planning() {
    }

    /** The site's picture: who waits per language, bookings, and sessions with their free seats. */
    public record Backlog(String siteId, LocalDate today, List<LanguageBacklog> languages, List<SessionDay> sessions, Double noShowRate) {
    }

    /** One language's backlog: eligible now, eligible from a date, not eligible, waitlisted, its no-show rate. */
    public record LanguageBacklog(String language, long eligibleNow, Map<LocalDate, Long> eligibleFrom, long notEligible, long waitlisted,
            Double noShowRate) {
    }

    /** A published session day: seats, free seats, languages. */
    public record SessionDay(LocalDate date, int seats, int free, List<String> languages) {
    }

    /** The plan with what today's capacity would do, and the sessions it proposes. */
    public record Answer(Plan plan, Clearing withTodaysCapacity, List<ProposedSession> proposed) {
    }

    /** The plan: per day, in total, interpreter hours per language, and who is eligible too late for the target. */
    public record Plan(LocalDate target, List<PlanDay> days, int newSessions, int stationDays, Map<String, Double> interpreterHours,
            Map<String, Integer> eligibleTooLate) {
    }

    /** One clinic day of the plan. */
    public record PlanDay(LocalDate date, List<LanguageDay> languages, int newSeats, int stations) {
    }

    /** One language on a day: seats needed, of which in existing sessions. */
    public record LanguageDay(String language, double bookings, int seats, int existingSeats, int newSeats, double interpreterHours) {
    }

    /** When the backlog clears with today's sessions, after how many clinic days, and whether past the last published day. */
    public record Clearing(LocalDate clearedOn, int clinicDays, boolean extrapolated) {
    }

    /** A session the plan proposes. */
    public record ProposedSession(LocalDate date, LocalTime start, LocalTime end, int slotMinutes, int stations, List<String> languages) {
    }

    /** Create the proposed sessions for this shape of plan (as typed; scheduling validates it). */
    public record Ask(String target, Double turnAway, String start, String end, Integer slotMinutes) {
    }

    /** People arriving per language, to clear in so many days. */
    public record WhatIf(Map<String, Integer> people, Integer clearInDays) {
    }

    /** The what-if's answer: today's sessions, and the plan that clears in the days asked. */
    public record WhatIfAnswer(Clearing withTodaysCapacity, Plan toClearInDays) {
    }
}
