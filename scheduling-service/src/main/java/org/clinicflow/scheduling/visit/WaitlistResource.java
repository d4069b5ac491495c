package org.clinicflow.scheduling.visit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.clinicflow.audit.ReadAudit;
import org.clinicflow.scheduling.booking.ReadyApplicant;
import org.clinicflow.scheduling.site.Site;
import org.clinicflow.web.problem.Problem;
import org.clinicflow.web.problem.ProblemException;
import org.clinicflow.web.security.ClinicRoles;
import org.clinicflow.web.security.SiteScope;

/**
 * {@code GET /api/sites/{id}/waitlist}: who waits for a booking at a site, oldest first, and
 * why (no free slot, not yet eligible and from when, on hold, not eligible, undetermined, or no
 * eligibility decision yet), with counts per reason. Ids only: the portal adds names from
 * intake. Every applicant listed is recorded in the read audit. Tested by
 * {@code EligibilityGatingTest} and {@code ReadAuditTest}.
 */
@Path("/api/sites/{id}/waitlist")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(ClinicRoles.CASEWORKER)
public class WaitlistResource {

    private static final int MOST = 1_000;

    private final SiteScope scope;
    private final ReadAudit audit;

    WaitlistResource(SiteScope scope, ReadAudit audit) {
        this.scope = scope;
        this.audit = audit;
    }

    /** One waiting applicant. */
    public record Waiting(UUID applicantId, String language, Instant waitlistedAt, String reason, LocalDate eligibleFrom) {
    }

    /** The waitlist: counts per reason and the first entries. */
    public record Waitlist(String siteId, Map<String, Long> counts, List<Waiting> entries) {
    }

    @GET
    @Transactional
    public Waitlist list(@PathParam("id") String siteId) {
        if (Site.findById(siteId) == null || !scope.maySee(siteId)) {
            throw new ProblemException(Problem.of(Response.Status.NOT_FOUND, "not-found", "No site " + siteId + " that you can see."));
        }
        List<Waiting> entries = ReadyApplicant.<ReadyApplicant>find(
                "siteId = ?1 and waitlistedAt is not null and ready = true and withdrawn = false order by waitlistedAt", siteId)
                .page(0, MOST).list().stream()
                .map(r -> new Waiting(r.applicantId, r.language, r.waitlistedAt,
                        r.waitlistReason == null ? "no-free-slot" : r.waitlistReason, r.eligibleFrom))
                .toList();
        Map<String, Long> counts = entries.stream().collect(Collectors.groupingBy(Waiting::reason, Collectors.counting()));
        audit.read("read-waitlist", entries.stream().map(Waiting::applicantId).toList());
        return new Waitlist(siteId, counts, entries);
    }
}
