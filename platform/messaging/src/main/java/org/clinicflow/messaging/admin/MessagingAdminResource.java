package org.clinicflow.messaging.admin;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.clinicflow.messaging.inbox.DeadLetterRedrive;
import org.clinicflow.messaging.inbox.DeadLetters;
import org.clinicflow.messaging.inbox.ParkedEvents;
import org.clinicflow.messaging.inbox.Parking;
import org.clinicflow.web.problem.Problem;
import org.clinicflow.web.problem.ProblemException;
import org.clinicflow.web.security.ClinicRoles;
import org.clinicflow.web.security.SiteScope;

/**
 * For the people on call (clinic-admin): the events this service parked and the ones it gave
 * up on, with ids, types, reasons and ages, never a payload; and re-drive of one or all after a
 * fix. The same endpoints exist in every service ({@code ./clinic parked}, {@code ./clinic dlq}).
 * Tested by {@code OrphanTriggersTest} in notification-service with real tokens.
 */
@Path("/api/admin/messaging")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(ClinicRoles.CLINIC_ADMIN)
public class MessagingAdminResource {

    private static final int MOST = 500;

    private final ParkedEvents parked;
    private final Parking parking;
    private final DeadLetters deadLetters;
    private final DeadLetterRedrive redrive;
    private final SiteScope scope;

    MessagingAdminResource(ParkedEvents parked, Parking parking, DeadLetters deadLetters, DeadLetterRedrive redrive,
            SiteScope scope) {
        this.parked = parked;
        this.parking = parking;
        this.deadLetters = deadLetters;
        this.redrive = redrive;
        this.scope = scope;
    }

    /** A parked event as an operator sees it. */
    public record ParkedView(long id, String consumer, String applicantId, UUID eventId, String eventType, String topic,
            int partition, long offset, String waitingFor, int attempts, Instant parkedAt, long ageSeconds,
            Instant nextAttemptAt, String lastError) {
    }

    /** A dead letter as an operator sees it. */
    public record DeadLetterView(long id, String consumer, String applicantId, UUID eventId, String eventType, String topic,
            int partition, long offset, String reason, Instant deadAt, long ageSeconds, Instant redrivenAt,
            String redriveOutcome) {
    }

    /** What a re-drive did. */
    public record Redriven(int count, List<String> outcomes) {
    }

    @GET
    @Path("/parked")
    public List<ParkedView> parked(@QueryParam("limit") @DefaultValue("100") int limit) {
        Instant now = Instant.now();
        return QuarkusTransaction.requiringNew().call(() -> parked.list(bounded(limit))).stream()
                .map(p -> new ParkedView(p.id(), p.consumer(), p.record().key(), p.eventId(), p.eventType(), p.record().topic(),
                        p.record().partition(), p.record().offset(), p.waitingFor(), p.attempts(), p.parkedAt(),
                        Duration.between(p.parkedAt(), now).toSeconds(), p.nextAttemptAt(), p.lastError()))
                .toList();
    }

    /** The same list as a table, for {@code ./clinic parked}. */
    @GET
    @Path("/parked/table")
    @Produces(MediaType.TEXT_PLAIN)
    public String parkedTable(@QueryParam("limit") @DefaultValue("100") int limit) {
        StringBuilder table = new StringBuilder(String.format("%8s  %-34s  %-40s  %-36s  %8s  %s%n", "id", "consumer", "type",
                "applicant", "age (s)", "waiting for"));
        for (ParkedView p : parked(limit)) {
            table.append(String.format("%8d  %-34s  %-40s  %-36s  %8d  %s%n", p.id(), p.consumer(), p.eventType(), p.applicantId(),
                    p.ageSeconds(), p.waitingFor()));
        }
        return table.toString();
    }

    @POST
    @Path("/parked/{id}/redrive")
    public Redriven redriveParked(@PathParam("id") long id) {
        int due = QuarkusTransaction.requiringNew().call(() -> parking.redriveNow(id));
        if (due == 0) {
            throw new ProblemException(Problem.of(Response.Status.NOT_FOUND, "not-parked", "No parked event " + id));
        }
        return new Redriven(due, List.of("due now"));
    }

    @POST
    @Path("/parked/redrive")
    public Redriven redriveAllParked() {
        int due = QuarkusTransaction.requiringNew().call(() -> parking.redriveNow(null));
        return new Redriven(due, List.of("due now"));
    }

    @GET
    @Path("/dead-letters")
    public List<DeadLetterView> deadLetters(@QueryParam("all") @DefaultValue("false") boolean all,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        Instant now = Instant.now();
        return QuarkusTransaction.requiringNew().call(() -> deadLetters.list(all, bounded(limit))).stream()
                .map(d -> new DeadLetterView(d.id(), d.consumer(), d.record().key(), d.eventId(), d.eventType(),
                        d.record().topic(), d.record().partition(), d.record().offset(), d.reason(), d.deadAt(),
                        Duration.between(d.deadAt(), now).toSeconds(), d.redrivenAt(), d.redriveOutcome()))
                .toList();
    }

    /** The same list as a table, for {@code ./clinic dlq}. */
    @GET
    @Path("/dead-letters/table")
    @Produces(MediaType.TEXT_PLAIN)
    public String deadLetterTable(@QueryParam("all") @DefaultValue("false") boolean all,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        StringBuilder table = new StringBuilder(String.format("%8s  %-34s  %-40s  %-36s  %8s  %s%n", "id", "consumer", "type",
                "applicant", "age (s)", "reason"));
        for (DeadLetterView d : deadLetters(all, limit)) {
            table.append(String.format("%8d  %-34s  %-40s  %-36s  %8d  %s%s%n", d.id(), d.consumer(), d.eventType(),
                    d.applicantId(), d.ageSeconds(), d.reason(), d.redrivenAt() == null ? "" : " [re-driven: " + d.redriveOutcome() + "]"));
        }
        return table.toString();
    }

    @POST
    @Path("/dead-letters/{id}/redrive")
    public Redriven redriveDeadLetter(@PathParam("id") long id) {
        String outcome = redrive.redrive(id, scope.actor()).orElseThrow(() -> new ProblemException(
                Problem.of(Response.Status.NOT_FOUND, "no-open-dead-letter", "No open dead letter " + id)));
        return new Redriven(1, List.of(outcome));
    }

    @POST
    @Path("/dead-letters/redrive")
    public Redriven redriveAllDeadLetters() {
        List<String> outcomes = new ArrayList<>();
        for (DeadLetters.DeadLetter letter : QuarkusTransaction.requiringNew().call(() -> deadLetters.list(false, MOST))) {
            redrive.redrive(letter.id(), scope.actor()).ifPresent(o -> outcomes.add(letter.id() + ": " + o));
        }
        return new Redriven(outcomes.size(), outcomes);
    }

    private static int bounded(int limit) {
        if (limit < 1 || limit > MOST) {
            throw new ProblemException(Problem.invalid(List.of(new Problem.FieldError("limit", "must be from 1 to " + MOST))));
        }
        return limit;
    }
}
