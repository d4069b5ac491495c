package org.clinicflow.scheduling.site;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clinicflow.scheduling.booking.Bookings;
import org.clinicflow.web.problem.Problem;
import org.clinicflow.web.problem.ProblemException;
import org.clinicflow.web.security.ClinicRoles;

/**
 * Sites, sessions, closures (clinic admins) and availability (caseworkers too):
 * {@code POST /api/sites}, {@code POST /api/sites/{id}/sessions}, {@code POST /api/sites/{id}/closures},
 * {@code GET /api/sites}, {@code GET /api/sites/{id}/availability?from&to&language}.
 */
@Path("/api/sites")
@Produces(MediaType.APPLICATION_JSON)
public class SiteResource {

    private final Capacity capacity;
    private final Seats seats;
    private final Bookings bookings;

    SiteResource(Capacity capacity, Seats seats, Bookings bookings) {
        this.capacity = capacity;
        this.seats = seats;
        this.bookings = bookings;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(ClinicRoles.CLINIC_ADMIN)
    public Response create(Capacity.NewSite request, @Context UriInfo uri) {
        if (request == null) {
            throw new ProblemException(Problem.invalid(List.of(new Problem.FieldError("name", "is required"))));
        }
        Site site = capacity.createSite(request);
        return Response.created(uri.getAbsolutePathBuilder().path(site.id).build()).entity(site).build();
    }

    @GET
    @RolesAllowed({ ClinicRoles.CASEWORKER, ClinicRoles.CLINIC_ADMIN })
    @Transactional
    public List<Site> list() {
        return Site.listAll(io.quarkus.panache.common.Sort.by("name"));
    }

    /** A session as created: its id and how many slots it opened. */
    public record SessionView(UUID id, String siteId, LocalDate date, LocalTime start, LocalTime end, int slotMinutes,
            int stations, List<String> languages, long slots) {
    }

    @POST
    @Path("/{id}/sessions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(ClinicRoles.CLINIC_ADMIN)
    public Response addSession(@PathParam("id") String siteId, Capacity.NewSession request) {
        if (request == null) {
            throw new ProblemException(Problem.invalid(List.of(new Problem.FieldError("date", "is required"))));
        }
        ClinicSession s = capacity.addSession(siteId, request);
        long slots = slotCount(s.id);
        return Response.status(Response.Status.CREATED).entity(new SessionView(s.id, s.siteId, s.sessionDate, s.startTime,
                s.endTime, s.slotMinutes, s.stations, s.languageList(), slots)).build();
    }

    /** A day the site is closed. */
    public record Closure(LocalDate date, String reason) {
    }

    @POST
    @Path("/{id}/closures")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(ClinicRoles.CLINIC_ADMIN)
    public Map<String, Object> close(@PathParam("id") String siteId, Closure closure) {
        if (closure == null || closure.date() == null) {
            throw new ProblemException(Problem.invalid(List.of(new Problem.FieldError("date", "is required (YYYY-MM-DD)"))));
        }
        int moved = bookings.close(siteId, closure.date());
        return Map.of("siteId", siteId, "date", closure.date(), "rebooked", moved);
    }

    /** One free slot, in the site's local time too. */
    public record FreeSlot(String slotStart, LocalDate localDate, LocalTime localTime, int free) {
    }

    @GET
    @Path("/{id}/availability")
    @RolesAllowed({ ClinicRoles.CASEWORKER, ClinicRoles.CLINIC_ADMIN })
    @Transactional
    public List<FreeSlot> availability(@PathParam("id") String siteId, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("language") String language) {
        Site site = Site.findById(siteId);
        if (site == null) {
            throw new ProblemException(Problem.of(Response.Status.NOT_FOUND, "not-found", "No site " + siteId));
        }
        LocalDate fromDate = date("from", from, LocalDate.now(site.zone()));
        LocalDate toDate = date("to", to, fromDate.plusDays(14));
        return seats.free(siteId, language, fromDate.atStartOfDay(site.zone()).toInstant(),
                toDate.plusDays(1).atStartOfDay(site.zone()).toInstant(), 500).stream()
                .map(f -> {
                    ZonedDateTime local = f.startsAt().atZone(site.zone());
                    return new FreeSlot(f.startsAt().toString(), local.toLocalDate(), local.toLocalTime(), f.free());
                }).toList();
    }

    @Transactional
    long slotCount(UUID sessionId) {
        return Slot.count("sessionId", sessionId);
    }

    private static LocalDate date(String field, String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new ProblemException(Problem.invalid(List.of(new Problem.FieldError(field, "must be a date YYYY-MM-DD"))));
        }
    }
}
