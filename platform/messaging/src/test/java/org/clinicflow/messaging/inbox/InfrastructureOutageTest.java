package org.clinicflow.messaging.inbox;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Which failures are a database outage (retried until it ends) and which are the record's fault. */
class InfrastructureOutageTest {

    @Test
    void aDroppedOrRefusedConnectionIsAnOutageHoweverDeeplyWrapped() {
        assertTrue(InfrastructureOutage.causedBy(new IllegalStateException(new RuntimeException(
                new SQLException("An I/O error occurred while sending to the backend.", "08006")))));
        assertTrue(InfrastructureOutage.causedBy(new RuntimeException(new SQLException("terminating connection", "57P01"))));
        assertTrue(InfrastructureOutage.causedBy(new RuntimeException(new SQLException("the database system is starting up", "57P03"))));
        assertTrue(InfrastructureOutage.causedBy(new RuntimeException(new ConnectException("Connection refused"))));
        assertTrue(InfrastructureOutage.causedBy(new RuntimeException(new SQLException("Sorry, acquisition timeout!"))));
    }

    @Test
    void constraintViolationsAndBugsAreNot() {
        assertFalse(InfrastructureOutage.causedBy(new RuntimeException(new SQLException("duplicate key", "23505"))));
        assertFalse(InfrastructureOutage.causedBy(new IllegalArgumentException("no such document type")));
        assertFalse(InfrastructureOutage.causedBy(new NullPointerException()));
    }
}
