package org.cryoprotect.importer.upstream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import org.cryoprotect.importer.ratelimit.ThrottlingStatus;
import org.cryoprotect.importer.remote.RemoteRefusedException;
import org.cryoprotect.importer.remote.RemoteUnavailableException;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** A response with its body read, as the pipeline needs it. */
public record UpstreamReply(String upstream, int status, String body, ThrottlingStatus throttling,
        OptionalLong retryAfterSeconds, Duration latency) {

    /** Retry-After in seconds; PubChem sends integers (the HTTP-date form is ignored). */
    public static OptionalLong retryAfter(String header) {
        if (header != null && header.trim().matches("\\d{1,6}")) {
            return OptionalLong.of(Long.parseLong(header.trim()));
        }
        return OptionalLong.empty();
    }

    /** The body as JSON; a 200 with a truncated or malformed body is worth another try. */
    public JsonObject json() {
        try {
            return new JsonObject(body);
        } catch (DecodeException | ClassCastException e) {
            throw new RemoteUnavailableException(upstream + " sent malformed JSON with status " + status);
        }
    }

    /** Anything but a 200 is a refusal here: statuses worth retrying never reach the reader. */
    public UpstreamReply requireOk() {
        if (status != 200) {
            throw new RemoteRefusedException(upstream + " refused the request: " + summary());
        }
        return this;
    }

    /** The objects of a JSON array; anything else in it means a garbled answer, worth another try. */
    public List<JsonObject> objects(JsonArray array) {
        List<JsonObject> objects = new ArrayList<>(array.size());
        for (Object item : array) {
            if (!(item instanceof JsonObject object)) {
                throw new RemoteUnavailableException(upstream + " sent an unexpected JSON shape");
            }
            objects.add(object);
        }
        return objects;
    }

    /** What an error body says, in one line: a PubChem fault, a ChEMBL error message, or its kind. */
    public String summary() {
        if (body == null || body.isBlank()) {
            return "HTTP " + status + " with an empty body";
        }
        try {
            JsonObject json = new JsonObject(body);
            JsonObject fault = json.getJsonObject("Fault");
            if (fault != null) {
                return "HTTP " + status + " " + fault.getString("Code") + ": " + fault.getString("Message");
            }
            if (json.containsKey("error_message")) {
                return "HTTP " + status + ": " + json.getValue("error_message");
            }
            if (json.containsKey("detail")) {
                return "HTTP " + status + ": " + json.getValue("detail");
            }
        } catch (RuntimeException notJson) {
            return "HTTP " + status + (body.stripLeading().startsWith("<") ? " with an HTML page" : " with a non-JSON body");
        }
        return "HTTP " + status;
    }
}
