package org.cryoprotect.importer.client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import org.cryoprotect.importer.ImportConfig;
import org.cryoprotect.importer.remote.RemoteUnavailableException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;

/**
 * import-service's own access token (client credentials at auth-service), shared by all workers
 * and renewed when 80 % of its lifetime has passed, or at once when molecule-service refuses it.
 */
@ApplicationScoped
public class ServiceTokens {

    private static final Logger LOG = Logger.getLogger(ServiceTokens.class);

    private record Token(String value, Instant renewAt) {
    }

    private final AuthServiceApi auth;
    private final ImportConfig config;
    private final AtomicReference<Uni<Token>> current = new AtomicReference<>();

    public ServiceTokens(@RestClient AuthServiceApi auth, ImportConfig config) {
        this.auth = auth;
        this.config = config;
    }

    /** An {@code Authorization} header value. */
    public Uni<String> bearer() {
        Uni<Token> token = current.updateAndGet(existing -> existing != null ? existing : request().memoize().indefinitely());
        return token
                .onFailure().invoke(() -> current.compareAndSet(token, null))
                .chain(t -> {
                    if (Instant.now().isAfter(t.renewAt())) {
                        current.compareAndSet(token, null);
                        return bearer();
                    }
                    return Uni.createFrom().item("Bearer " + t.value());
                });
    }

    public void invalidate() {
        current.set(null);
    }

    private Uni<Token> request() {
        if (config.clientSecret().isEmpty()) {
            LOG.error("cryo.import.client-secret (CRYO_IMPORT_CLIENT_SECRET) is not set: import-service cannot get a token");
            return Uni.createFrom().failure(new RemoteUnavailableException("import-service has no client secret"));
        }
        String credentials = "Basic " + Base64.getEncoder().encodeToString(
                (config.clientId() + ":" + config.clientSecret().get()).getBytes(StandardCharsets.UTF_8));
        return auth.token(credentials, "client_credentials")
                .onFailure().transform(e -> new RemoteUnavailableException("cannot reach auth-service: " + e.getMessage()))
                .map(response -> {
                    try (response) {
                        String body = response.readEntity(String.class);
                        if (response.getStatus() != 200) {
                            LOG.warnf("auth-service refused import-service's client credentials: %d %s", response.getStatus(), body);
                            throw new RemoteUnavailableException("auth-service answered " + response.getStatus()
                                    + " to import-service's client credentials");
                        }
                        JsonObject json = new JsonObject(body);
                        long lifetime = json.getLong("expires_in", 300L);
                        return new Token(json.getString("access_token"),
                                Instant.now().plus(Duration.ofSeconds(lifetime * 8 / 10)));
                    }
                });
    }
}
