package org.clinicflow.messaging.inbox;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;
import org.hibernate.StaleObjectStateException;
import org.junit.jupiter.api.Test;

/** Which failures pass by themselves (retried until they do) and which are the record's fault. */
class TransientFailureTest {

    @Test
    void aDroppedOrRefusedConnectionPassesHoweverDeeplyWrapped() {
        assertTrue(TransientFailure.causedBy(new IllegalStateException(new RuntimeException(
                new SQLException("An I/O error occurred while sending to the backend.", "08006")))));
        assertTrue(TransientFailure.causedBy(new RuntimeException(new SQLException("terminating connection", "57P01"))));
        assertTrue(TransientFailure.causedBy(new RuntimeException(new SQLException("the database system is starting up", "57P03"))));
        assertTrue(TransientFailure.causedBy(new RuntimeException(new ConnectException("Connection refused"))));
        assertTrue(TransientFailure.causedBy(new RuntimeException(new SQLException("Sorry, acquisition timeout!"))));
    }

    @Test
    void aConcurrentWriterPassesToo() {
        assertTrue(TransientFailure.causedBy(new RuntimeException(new StaleObjectStateException("Applicant", "id"))));
        assertTrue(TransientFailure.causedBy(new RuntimeException(new jakarta.persistence.OptimisticLockException("stale"))));
        assertTrue(TransientFailure.causedBy(new RuntimeException(new SQLException("could not serialize access", "40001"))));
        assertTrue(TransientFailure.causedBy(new RuntimeException(new SQLException("deadlock detected", "40P01"))));
    }

    @Test
    void anEarlyEventIsNotPassingItIsParked() {
        // Retrying it in place held the whole partition for as long as the prerequisite was missing.
        assertFalse(TransientFailure.causedBy(new ArrivedEarly("the applicant's contact point")));
        assertNotNull(ArrivedEarly.in(new RuntimeException(new ArrivedEarly("the applicant's contact point"))));
    }

    @Test
    void constraintViolationsAndBugsAreNot() {
        assertFalse(TransientFailure.causedBy(new RuntimeException(new SQLException("duplicate key", "23505"))));
        assertFalse(TransientFailure.causedBy(new IllegalArgumentException("no such document type")));
        assertFalse(TransientFailure.causedBy(new NullPointerException()));
    }
}
