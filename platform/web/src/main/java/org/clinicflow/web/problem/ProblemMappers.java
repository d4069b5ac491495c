package org.clinicflow.web.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure of a REST call into {@code application/problem+json}: bean-validation
 * violations into 400 with one entry per field (named as in the JSON body), unreadable JSON
 * into 400 naming the field it broke on, JAX-RS errors into their status, the database out of
 * reach or out of free connections into 503 with {@code Retry-After} ({@link DatabaseUnavailable}),
 * and anything else unexpected into a bare 500 whose details go to the log only. Tested through
 * every service's REST tests and by {@code ProblemMappersTest}.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** What a 503 tells the caller to wait: a pool frees a connection, a restarting database comes back, in seconds. */
    static final String RETRY_AFTER_SECONDS = "5";

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return e.problem().toResponse();
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        return Problem.invalid(FieldErrors.of(e.getConstraintViolations())).toResponse();
    }

    /** Wins over Quarkus' built-in mapper, whose answer is not problem+json and may quote the input. */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 100)
    public Response mismatched(com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
        return unreadable(e);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        String field = "body";
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
        }
        // Jackson's own message may quote the input: describe the failure without it.
        return Problem.invalid(List.of(new Problem.FieldError(field, "is not valid JSON of the expected type")))
                .toResponse();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        Response.Status status = Response.Status.fromStatusCode(e.getResponse().getStatus());
        if (status == null) {
            status = Response.Status.BAD_REQUEST;
        }
        return Problem.of(status, slug(status), status.getReasonPhrase()).toResponse();
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(RuntimeException e) {
        Throwable unavailable = DatabaseUnavailable.in(e);
        if (unavailable != null) {
            // Not a fault of the request nor a bug: the database is out of reach or every
            // connection busy for the moment, and the caller may retry (a connection dropped
            // during a commit leaves its outcome unknown, so the answer does not say "not applied").
            LOG.warnf("the database was unavailable answering a request: %s", unavailable);
            return Response.fromResponse(Problem.of(Response.Status.SERVICE_UNAVAILABLE, "database-unavailable",
                    "The clinic's database is busy or out of reach for the moment. Try again in a few seconds.")
                    .toResponse()).header(jakarta.ws.rs.core.HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
        }
        LOG.error("unexpected error answering a request", e);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "internal-error",
                "Something went wrong on our side; the request was not applied. Try again, or report the time.")
                .toResponse();
    }

    private static String slug(Response.Status status) {
        return status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
    }
}
