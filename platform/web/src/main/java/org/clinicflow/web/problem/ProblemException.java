package org.clinicflow.web.problem;

/** Thrown by a service to answer with a specific problem (404, 409 ...); mapped as it is. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
