package org.cryoprotect.common.problem;

/** A 503 the client may retry: the response carries Retry-After. */
public class ServiceUnavailableException extends ProblemException {

    private final long retryAfterSeconds;

    public ServiceUnavailableException(String detail, long retryAfterSeconds, Throwable cause) {
        super(new Problem(503, "Service Unavailable", detail), cause);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
