package org.clinicflow.web.problem;

/** Thrown by a service to answer with a specific problem (404, 409 ...); mapped as it is. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    /** A 400 about one field: the shape every service's validation answers with. */
    public static ProblemException invalid(String field, String message) {
        return new ProblemException(Problem.invalid(java.util.List.of(new Problem.FieldError(field, message))));
    }

    public Problem problem() {
        return problem;
    }
}
