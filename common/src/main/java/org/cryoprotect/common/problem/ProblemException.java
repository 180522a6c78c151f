package org.cryoprotect.common.problem;

import java.util.List;

/** A failure the client caused or must know about, carried to the boundary as problem+json. */
public class ProblemException extends RuntimeException {

    private final Problem problem;

    public ProblemException(Problem problem) {
        this(problem, null);
    }

    protected ProblemException(Problem problem, Throwable cause) {
        super(problem.detail(), cause, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(new Problem(400, "Bad Request", detail));
    }

    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(new Problem("about:blank", "Bad Request", 400, field + ": " + message,
                List.of(new Problem.FieldError(field, message))));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(new Problem(404, "Not Found", detail));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(new Problem(403, "Forbidden", detail));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(new Problem(409, "Conflict", detail));
    }

    public static ProblemException unprocessable(String detail) {
        return new ProblemException(new Problem(422, "Unprocessable Entity", detail));
    }
}
