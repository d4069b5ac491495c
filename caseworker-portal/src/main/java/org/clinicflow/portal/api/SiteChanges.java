package org.clinicflow.portal.api;

import java.util.List;

/**
 * What a clinic admin sends scheduling-service about capacity, as typed on the capacity page
 * (times and dates as text: scheduling validates each field and answers with its error).
 */
public final class SiteChanges {

    private SiteChanges() {
    }

    /** A new site: its id (a slug), name, street address and IANA time zone. */
    public record NewSite(String id, String name, String address, String timeZone) {
    }

    /** A session: the day, opening and closing times, slot length, stations and the languages served. */
    public record NewSession(String date, String start, String end, Integer slotMinutes, Integer stations, List<String> languages) {
    }

    /** A day the site is closed, and why (the day's bookings are moved). */
    public record Closure(String date, String reason) {
    }
}
