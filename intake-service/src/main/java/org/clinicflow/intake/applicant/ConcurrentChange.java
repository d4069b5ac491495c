package org.clinicflow.intake.applicant;

import jakarta.persistence.OptimisticLockException;
import org.hibernate.StaleStateException;

/**
 * Recognizes a save that lost its version check to a concurrent writer (JPA's optimistic lock,
 * wherever the transaction manager wrapped it), so a caseworker's correction can be applied again
 * on the fresh case instead of failing. Tested by {@code ConcurrentChangeTest}; the race it serves
 * (a check-in's event moving the case while a correction is saved) showed in {@code ClinicJourneyTest}.
 */
final class ConcurrentChange {

    private ConcurrentChange() {
    }

    static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return true;
            }
        }
        return false;
    }
}
