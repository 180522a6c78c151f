package org.cryoprotect.auth.service;

import java.time.Duration;

import org.cryoprotect.common.problem.Problem;
import org.cryoprotect.common.problem.ProblemException;

/** 429 problem+json; the response carries Retry-After (whole seconds, at least 1). */
public class TooManyRequests extends ProblemException {

    private final long retryAfterSeconds;

    public TooManyRequests(String detail, Duration retryAfter) {
        super(new Problem(429, "Too Many Requests", detail));
        this.retryAfterSeconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
