package org.clinicflow.web.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * What a REST caller is told when a request fails for no fault of its own: the database out of
 * reach or the pool out of connections is 503 Service Unavailable with Retry-After (RFC 9110
 * sections 15.6.4 and 10.2.3), a retryable answer; any other failure stays a bare 500. Both are
 * problem+json. The exceptions a real pool and server throw are checked in clinic-messaging's
 * {@code DatabaseUnavailableTest}.
 */
class ProblemMappersTest {

    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void aPoolWithNoFreeConnectionAnswers503WithRetryAfter() {
        // As Hibernate hands it on: its own exception over Agroal's SQLException over the wait's timeout.
        Response answer = mappers.unexpected(new IllegalStateException("could not prepare statement",
                new SQLException("Acquisition timeout while waiting for new connection", new TimeoutException())));

        assertEquals(503, answer.getStatus());
        assertEquals("5", answer.getHeaderString("Retry-After"));
        assertEquals(Problem.MEDIA_TYPE, answer.getMediaType().toString());
        Problem problem = (Problem) answer.getEntity();
        assertEquals("https://clinicflow.org/problems/database-unavailable", problem.type().toString());
        assertEquals(503, problem.status());
    }

    @Test
    void aDatabaseThatRefusesOrDropsTheConnectionAnswers503Too() {
        assertEquals(503, mappers.unexpected(new RuntimeException(
                new SQLException("Connection to 127.0.0.1:5432 refused.", "08001"))).getStatus());
        assertEquals(503, mappers.unexpected(new RuntimeException(
                new SQLException("terminating connection due to administrator command", "57P01"))).getStatus());
    }

    @Test
    void anyOtherFailureIsABare500WithoutRetryAfter() {
        Response bug = mappers.unexpected(new NullPointerException());
        assertEquals(500, bug.getStatus());
        assertNull(bug.getHeaderString("Retry-After"));
        assertEquals(Problem.MEDIA_TYPE, bug.getMediaType().toString());

        Response constraint = mappers.unexpected(new RuntimeException(new SQLException("duplicate key value", "23505")));
        assertEquals(500, constraint.getStatus(), "a constraint the code did not expect is a bug, not a busy database");
    }
}
