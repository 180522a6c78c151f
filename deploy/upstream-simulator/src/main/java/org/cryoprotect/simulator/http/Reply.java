package org.cryoprotect.simulator.http;

import java.util.Map;

import org.cryoprotect.simulator.data.DataStore;

/** A response before faults, latency and policy headers are applied. */
public record Reply(int status, String contentType, String body, Map<String, String> headers) {

    public static final String JSON = "application/json";
    public static final String HTML = "text/html; charset=UTF-8";

    public static Reply json(int status, String body) {
        return new Reply(status, JSON, body, Map.of());
    }

    public static Reply of(int status, String contentType, String body) {
        return new Reply(status, contentType, body, Map.of());
    }

    /** 503 with Retry-After for a lookup that might still find something once the generated set is complete. */
    public static Reply growing(String contentType, String body) {
        return new Reply(503, contentType, body, Map.of("Retry-After",
                String.valueOf(DataStore.GROWING_RETRY_AFTER_SECONDS)));
    }

    public boolean isJson() {
        return contentType != null && contentType.startsWith(JSON);
    }
}
