package org.clinicflow.intake.eligibility;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs one batch of a long job (the nightly review, a policy action) in a transaction of its own,
 * again up to three times when it lost a race: the review and a policy action may touch the same
 * case at once, and optimistic locking lets only one of them save it, so the other re-reads and
 * tries again instead of stopping the whole job. Also the jobs' shared pieces: where a walk over
 * ids starts, and the background thread a job runs on. Tested through {@code PolicyActionTest}.
 */
public final class Batches {

    private static final Logger LOG = Logger.getLogger(Batches.class);
    private static final int ATTEMPTS = 3;

    /** Where a walk over case ids keyed by id starts: PostgreSQL orders uuids as unsigned bytes, and this is the least. */
    public static final java.util.UUID BEFORE_ANY_ID = new java.util.UUID(0, 0);

    private Batches() {
    }

    /** A single background thread for one kind of long job (a daemon: it never holds the service up at shutdown). */
    public static java.util.concurrent.ExecutorService worker(String name) {
        return java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
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
