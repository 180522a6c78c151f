package org.cryoprotect.web.remote;

import java.util.Map;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

/** Turns a service's answer into a value, a {@link RemoteProblem} (4xx) or {@link RemoteUnavailable}. */
final class Replies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Replies() {
    }

    /** The Authorization header for a user's token; none for an anonymous caller. */
    static String bearer(String token) {
        return token == null ? null : "Bearer " + token;
    }

    static Uni<Response> send(String service, Uni<Response> request) {
        return request.onFailure(f -> !(f instanceof RemoteProblem) && !(f instanceof RemoteUnavailable))
                .transform(f -> new RemoteUnavailable("cannot reach " + service + ": " + f.getMessage()))
                .map(response -> {
                    int status = response.getStatus();
                    if (status >= 500) {
                        response.close();
                        throw new RemoteUnavailable(service + " answered " + status);
                    }
                    if (status >= 400) {
                        String body = response.hasEntity() ? response.readEntity(String.class) : "";
                        throw problem(status, body);
                    }
                    return response;
                });
    }

    static <T> T read(Response response, Class<T> type) {
        try (response) {
            return response.readEntity(type);
        }
    }

    /** problem+json (title, detail) or an OAuth error (error, error_description); a bare status otherwise. */
    static RemoteProblem problem(int status, String body) {
        String title = statusTitle(status);
        String detail = null;
        try {
            JsonNode json = JSON.readTree(body == null || body.isBlank() ? "{}" : body);
            if (json.hasNonNull("title")) {
                title = json.get("title").asText();
            }
            if (json.hasNonNull("detail")) {
                detail = json.get("detail").asText();
            } else if (json.hasNonNull("error_description")) {
                detail = json.get("error_description").asText();
            } else if (json.hasNonNull("error")) {
                detail = json.get("error").asText();
            }
            JsonNode errors = json.get("errors");
            if (detail == null && errors != null && errors.isArray() && !errors.isEmpty()) {
                detail = errors.get(0).toString();
            }
        } catch (Exception e) {
            // not JSON: the status says it
        }
        return new RemoteProblem(status, title, detail);
    }

    private static String statusTitle(int status) {
        return Map.of(400, "Bad request", 401, "Not signed in", 403, "Not allowed", 404, "Not found",
                409, "Conflict", 422, "Not processable", 429, "Too many requests").getOrDefault(status, "Refused (" + status + ")");
    }
}
