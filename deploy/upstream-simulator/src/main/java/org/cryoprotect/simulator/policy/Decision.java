package org.cryoprotect.simulator.policy;

/**
 * The policy's verdict on one request.
 *
 * @param reason null when the request is admitted
 * @param throttlingHeader the value of {@code X-Throttling-Control} for the response
 * @param retryAfterSeconds for {@code Retry-After} when rejected
 */
public record Decision(RejectReason reason, String throttlingHeader, int retryAfterSeconds) {

    public boolean admitted() {
        return reason == null;
    }
}
