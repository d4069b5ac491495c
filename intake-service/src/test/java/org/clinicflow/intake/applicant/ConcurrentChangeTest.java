package org.clinicflow.intake.applicant;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.RollbackException;
import org.hibernate.StaleObjectStateException;
import org.junit.jupiter.api.Test;

/**
 * A lost version check is recognized however the transaction manager wrapped it (the way a
 * correction racing an event's stage move fails at commit), and nothing else is.
 */
class ConcurrentChangeTest {

    @Test
    void aLostVersionCheckIsRecognizedThroughItsWrappers() {
        RollbackException atCommit = new RollbackException("commit failed");
        atCommit.initCause(new OptimisticLockException(new StaleObjectStateException("Applicant", "id")));
        assertTrue(ConcurrentChange.causedBy(new IllegalStateException(atCommit)));
        assertTrue(ConcurrentChange.causedBy(new StaleObjectStateException("Applicant", "id")), "at flush");
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(ConcurrentChange.causedBy(new IllegalStateException("constraint violated")));
        assertFalse(ConcurrentChange.causedBy(new RollbackException("timed out")));
    }
}
