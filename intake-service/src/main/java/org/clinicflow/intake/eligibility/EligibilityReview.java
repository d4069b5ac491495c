package org.clinicflow.intake.eligibility;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.clinicflow.intake.applicant.Applicant;
import org.jboss.logging.Logger;

/**
 * Decides every open case again, because clocks move with time: day 150 of an asylum clock, a
 * parole end date, a TPS registration window, a new fiscal year's fee. Runs each night (and on a
 * supervisor's request, after a rule is added, and at start-up when cases were never announced), in batches of its own transactions, keyed
 * by id so it never holds the table; only cases whose decision changed get an event. Safe on
 * several replicas: a case two of them change at once is saved by one (optimistic locking).
 * Tested by {@code EligibilityEventsTest} with a moved clock.
 */
@ApplicationScoped
public class EligibilityReview {

    private static final Logger LOG = Logger.getLogger(EligibilityReview.class);
    private static final int BATCH = 200;
    static final String ACTOR = "eligibility-review";

    private final CaseEligibility eligibility;

    EligibilityReview(CaseEligibility eligibility) {
        this.eligibility = eligibility;
    }

    /** How many open cases were decided again and how many of them changed. */
    public record Result(int reviewed, int changed) {
    }

    @Scheduled(cron = "{clinic.eligibility.review-cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void nightly() {
        Result result = reviewAll();
        LOG.infof("eligibility review: %d open cases, %d changed", result.reviewed(), result.changed());
    }

    private final java.util.concurrent.ExecutorService later = Batches.worker("eligibility-review");

    /**
     * After an upgrade, open cases registered before eligibility was announced have never had an
     * event: review them at once rather than at night, so scheduling can book them today.
     */
    void announceUnannounced(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent startup) {
        long never = QuarkusTransaction.requiringNew().call(() -> Applicant.count(
                "stageCode not in ('filed', 'withdrawn') and eligibilitySignature is null"));
        if (never > 0) {
            LOG.infof("%d open cases were never announced: reviewing them now", never);
            reviewLater();
        }
    }

    /** Reviews every open case in the background (after a rule was added). */
    public void reviewLater() {
        later.submit(() -> {
            try {
                Result result = reviewAll();
                LOG.infof("eligibility review after a rule change: %d open cases, %d changed", result.reviewed(), result.changed());
            } catch (RuntimeException e) {
                LOG.errorf("eligibility review stopped: %s", e.toString());
            }
        });
    }

    public Result reviewAll() {
        int reviewed = 0;
        int changed = 0;
        UUID after = Batches.BEFORE_ANY_ID;
        while (true) {
            UUID from = after;
            List<UUID> ids = QuarkusTransaction.requiringNew().call(() -> Applicant.getEntityManager().createQuery(
                    "select a.id from Applicant a where a.stageCode not in ('filed', 'withdrawn') and a.id > :after order by a.id",
                    UUID.class).setParameter("after", from).setMaxResults(BATCH).getResultList());
            if (ids.isEmpty()) {
                return new Result(reviewed, changed);
            }
            int batchChanged = Batches.inNewTransaction("eligibility review", () -> {
                int n = 0;
                for (UUID id : ids) {
                    Applicant a = Applicant.findById(id);
                    if (a != null && eligibility.announce(a, ACTOR)) {
                        n++;
                    }
                }
                return n;
            });
            reviewed += ids.size();
            changed += batchChanged;
            after = ids.get(ids.size() - 1);
        }
    }
}
