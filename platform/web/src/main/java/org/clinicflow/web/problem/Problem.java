package org.clinicflow.web.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem detail, the body of every error answer: a stable {@code type}, a title,
 * the HTTP status, a human-readable {@code detail}, and for invalid input one entry per
 * offending field in {@code errors}. Never a stack trace, never the offending personal data.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, List<FieldError> errors,
        Map<String, Object> context) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);
    private static final String TYPE_BASE = "https://clinicflow.org/problems/";

    /** One invalid input field and what is wrong with it. */
    public record FieldError(String field, String message) {
    }

    public static Problem of(Response.Status status, String slug, String detail) {
        return new Problem(URI.create(TYPE_BASE + slug), status.getReasonPhrase(), status.getStatusCode(), detail,
                List.of(), Map.of());
    }

    /** For statuses {@link Response.Status} lacks, such as 422 Unprocessable Content. */
    public static Problem of(int status, String title, String slug, String detail) {
        return new Problem(URI.create(TYPE_BASE + slug), title, status, detail, List.of(), Map.of());
    }

    /** A refusal about one field that is well-formed but names something not acceptable (unknown, withdrawn, elsewhere). */
    public static Problem about(Response.Status status, String slug, String field, String message) {
        return new Problem(URI.create(TYPE_BASE + slug), status.getReasonPhrase(), status.getStatusCode(),
                field + ": " + message, List.of(new FieldError(field, message)), Map.of());
    }

    public static Problem invalid(List<FieldError> errors) {
        return new Problem(URI.create(TYPE_BASE + "invalid-input"), "Invalid input", 400,
                errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                        : errors.size() + " fields are invalid",
                List.copyOf(errors), Map.of());
    }

    /** The same problem naming the fields it is about (a conflict listing every missing item, say). */
    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, List.copyOf(fieldErrors), context);
    }

    /** The same problem with extra members, e.g. the existing case a duplicate points at. */
    public Problem with(String key, Object value) {
        Map<String, Object> more = new java.util.LinkedHashMap<>(context);
        more.put(key, value);
        return new Problem(type, title, status, detail, errors, Map.copyOf(more));
    }

    /** Extra members are serialized at the top level, as RFC 9457 extensions. */
    @com.fasterxml.jackson.annotation.JsonAnyGetter
    public Map<String, Object> extensions() {
        return context;
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    @Override
    public Map<String, Object> context() {
        return context;
    }

    public Response toResponse() {
        return Response.status(status).type(PROBLEM_JSON).entity(this).build();
    }
}
