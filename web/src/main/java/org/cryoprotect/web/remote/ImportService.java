package org.cryoprotect.web.remote;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.cryoprotect.web.WebConfig;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.mutiny.Uni;

/**
 * import-service as the signed-in user: the JSON of its answers as it is (the imports pages read
 * the fields they show). Server-sent progress is followed by the pages themselves (webops).
 */
@ApplicationScoped
public class ImportService {

    private static final String NAME = "import-service";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final ImportApi api;
    private final URI base;
    private final CallPolicy reads = CallPolicy.read("import-read", TIMEOUT);
    private final CallPolicy writes = CallPolicy.write("import-write", TIMEOUT);

    public ImportService(WebConfig config) {
        this.base = URI.create(config.importServiceUrl());
        this.api = QuarkusRestClientBuilder.newBuilder().baseUri(base).disableDefaultMapper(true).build(ImportApi.class);
    }

    /** Where import-service is, for a page that streams its events through web. */
    public URI base() {
        return base;
    }

    public Uni<JsonNode> create(String token, Map<String, Object> job) {
        return writes.call(() -> Replies.send(NAME, api.create(Replies.bearer(token), job))).map(r -> Replies.read(r, JsonNode.class));
    }

    public Uni<JsonNode> list(String token, Map<String, String> query) {
        return reads.call(() -> Replies.send(NAME, api.list(Replies.bearer(token), query))).map(r -> Replies.read(r, JsonNode.class));
    }

    public Uni<JsonNode> get(String token, String id) {
        return reads.call(() -> Replies.send(NAME, api.get(Replies.bearer(token), id))).map(r -> Replies.read(r, JsonNode.class));
    }

    public Uni<JsonNode> failures(String token, String id, Map<String, String> query) {
        return reads.call(() -> Replies.send(NAME, api.failures(Replies.bearer(token), id, query))).map(r -> Replies.read(r, JsonNode.class));
    }

    public Uni<JsonNode> cancel(String token, String id) {
        return writes.call(() -> Replies.send(NAME, api.cancel(Replies.bearer(token), id))).map(r -> Replies.read(r, JsonNode.class));
    }

    public Uni<JsonNode> resume(String token, String id) {
        return writes.call(() -> Replies.send(NAME, api.resume(Replies.bearer(token), id))).map(r -> Replies.read(r, JsonNode.class));
    }

}
