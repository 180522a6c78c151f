package org.cryoprotect.web.remote;

import jakarta.enterprise.context.ApplicationScoped;

import org.cryoprotect.web.WebConfig;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.mutiny.Multi;

/**
 * Follows a job's progress stream at import-service as the signed-in user, for web to relay to the
 * browser. A stream is not retried: the browser's EventSource reconnects by itself.
 */
@ApplicationScoped
public class ImportEvents {

    private final ImportEventsApi api;

    public ImportEvents(WebConfig config) {
        this.api = QuarkusRestClientBuilder.newBuilder().baseUri(java.net.URI.create(config.importServiceUrl()))
                .build(ImportEventsApi.class);
    }

    public Multi<JsonNode> follow(String token, String jobId) {
        return api.events(Replies.bearer(token), jobId);
    }
}
