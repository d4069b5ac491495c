package org.clinicflow.scheduling.booking;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Serves every site's waitlist on a schedule (hourly by default), because time alone can make a
 * waiting applicant bookable: their earliest filing date comes within the booking horizon. Each
 * site in a transaction of its own; seats are taken through the same conditional update as any
 * booking, so two replicas sweeping at once never overbook. Tested by {@code EligibilityGatingTest}.
 */
@ApplicationScoped
public class WaitlistSweep {

    private static final Logger LOG = Logger.getLogger(WaitlistSweep.class);

    private final Bookings bookings;

    WaitlistSweep(Bookings bookings) {
        this.bookings = bookings;
    }

    @Scheduled(cron = "{clinic.scheduling.waitlist-sweep-cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        int booked = sweep();
        if (booked > 0) {
            LOG.infof("waitlist sweep booked %d applicants", booked);
        }
    }

    /** Serves the waitlist of every site that has one; answers how many were booked. */
    public int sweep() {
        List<String> sites = QuarkusTransaction.requiringNew().call(() -> ReadyApplicant.getEntityManager().createQuery(
                "select distinct r.siteId from ReadyApplicant r where r.waitlistedAt is not null", String.class).getResultList());
        int booked = 0;
        for (String site : sites) {
            booked += QuarkusTransaction.requiringNew().call(() -> bookings.serveWaitlist(site));
        }
        return booked;
    }
}
