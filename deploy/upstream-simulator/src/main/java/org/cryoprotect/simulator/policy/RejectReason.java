package org.cryoprotect.simulator.policy;

/** Why PubChem's policy rejected a request with 503 PUGREST.ServerBusy. */
public enum RejectReason {
    /** More than the permitted requests in the last second. */
    RATE_PER_SECOND("rate_per_second"),
    /** More than the permitted requests in the last minute. */
    RATE_PER_MINUTE("rate_per_minute"),
    /** The client's simulated server time in the last minute is used up. */
    SERVER_TIME("server_time"),
    /** The client kept exceeding the limits and is blocked for a while. */
    BLOCKED("blocked");

    public final String key;

    RejectReason(String key) {
        this.key = key;
    }
}
