package org.clinicflow.intake.eligibility;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs one batch of a long job (the nightly review, a policy action) in a transaction of its own,
 * again up to three times when it lost a race: the review and a policy action may touch the same
 * case at once, and optimistic locking lets only one of them save it, so the other re-reads and
 * tries again instead of stopping the whole job. Tested through {@code PolicyActionTest}.
 */
public final class Batches {

    private static final Logger LOG = Logger.getLogger(Batches.class);
    private static final int ATTEMPTS = 3;

    private Batches() {
    }

    public static <T> T inNewTransaction(String job, Supplier<T> batch) {
        for (int attempt = 1; ; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(batch::get);
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                LOG.warnf("%s: a batch lost a race (%s), trying again", job, e.getClass().getSimpleName());
                try {
                    Thread.sleep(100L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
