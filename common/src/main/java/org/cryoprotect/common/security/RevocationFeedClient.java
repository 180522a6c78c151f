package org.cryoprotect.common.security;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpClient;

/**
 * Follows auth-service's revocation feed (server-sent events) and applies each event to the
 * {@link DenyList}. Every (re)connection asks for the events after the last sequence number seen,
 * so revocations made while this service was disconnected arrive as soon as it reconnects. The feed
 * wants a service token: this service's own client credentials ({@code cryo.token.feed-client.*})
 * get one, renewed before it expires and after a 401.
 */
@ApplicationScoped
public class RevocationFeedClient {

    private static final Logger LOG = Logger.getLogger(RevocationFeedClient.class);
    private static final long MAX_BACKOFF_MS = 5_000;
    private static final long CATCH_UP_LOOK_BACK = 1_000;

    private final TokenConfig config;
    private final DenyList denyList;
    private final VerificationKeys keys;
    private final Vertx vertx;
    private final HttpClient http;
    private final AtomicLong lastSequence = new AtomicLong();
    /** The feed's bearer token and when to renew it (80 % of its lifetime); null until fetched. */
    private volatile FeedToken token;
    private volatile boolean connected;
    private volatile boolean stopped;
    private long backoffMs = 250;

    private final MeterRegistry registry;

    public RevocationFeedClient(TokenConfig config, DenyList denyList, VerificationKeys keys, Vertx vertx,
            MeterRegistry registry) {
        this.config = config;
        this.registry = registry;
        this.denyList = denyList;
        this.keys = keys;
        this.vertx = vertx;
        // The feed sends a heartbeat every few seconds: silence this long means a dead connection.
        this.http = vertx.createHttpClient(new HttpClientOptions().setIdleTimeout(20).setIdleTimeoutUnit(TimeUnit.SECONDS));
    }

    void start(@Observes StartupEvent start) {
        config.revocationFeedUrl().ifPresent(url -> {
            // Only where a feed is followed: a 0 here means revocations are not reaching this service.
            Gauge.builder("cryo.token.revocation.feed.connected", this, feed -> feed.connected ? 1 : 0)
                    .description("1 while the revocation feed from auth-service is connected, else 0")
                    .register(registry);
            connect();
        });
    }

    void stop(@Observes ShutdownEvent stop) {
        stopped = true;
    }

    public boolean isConnected() {
        return connected;
    }

    public long lastSequence() {
        return lastSequence.get();
    }

    private void connect() {
        if (stopped) {
            return;
        }
        // A little look-back: a revocation that took a lower sequence number may have committed after
        // a higher one we saw. Events are idempotent, so hearing one twice costs nothing.
        long since = Math.max(0, lastSequence.get() - CATCH_UP_LOOK_BACK);
        String url = config.revocationFeedUrl().orElseThrow() + "?since=" + since;
        StringBuilder pending = new StringBuilder();
        bearer().chain(bearer -> http.request(new RequestOptions().setAbsoluteURI(url).setMethod(HttpMethod.GET)
                        .putHeader("Accept", "text/event-stream").putHeader("Authorization", "Bearer " + bearer)))
                .chain(request -> request.send())
                .subscribe().with(response -> {
                    if (response.statusCode() == 401) {
                        token = null;
                    }
                    if (response.statusCode() != 200) {
                        reconnectLater("feed answered " + response.statusCode());
                        return;
                    }
                    connected = true;
                    backoffMs = 250;
                    LOG.infof("Following the revocation feed from sequence %d", lastSequence.get());
                    response.handler(chunk -> {
                        pending.append(chunk.toString());
                        drainEvents(pending);
                    });
                    response.exceptionHandler(e -> reconnectLater(e.getMessage()));
                    response.endHandler(() -> reconnectLater("feed closed"));
                }, failure -> reconnectLater(failure.getMessage()));
    }

    private record FeedToken(String value, long renewAtMillis) {
    }

    private Uni<String> bearer() {
        FeedToken current = token;
        if (current != null && System.currentTimeMillis() < current.renewAtMillis()) {
            return Uni.createFrom().item(current.value());
        }
        TokenConfig.FeedClient client = config.feedClient();
        if (client.id().isEmpty() || client.secret().isEmpty()) {
            return Uni.createFrom().failure(new IllegalStateException(
                    "cryo.token.feed-client.id and .secret are not set: the revocation feed needs a service token"));
        }
        String tokenUrl = client.tokenUrl().orElseGet(() -> URI.create(config.revocationFeedUrl().orElseThrow())
                .resolve("/oauth/token").toString());
        String basic = Base64.getEncoder().encodeToString((form(client.id().get()) + ":" + form(client.secret().get()))
                .getBytes(StandardCharsets.UTF_8));
        String body = "grant_type=client_credentials&audience=" + form(client.audience());
        return http.request(new RequestOptions().setAbsoluteURI(tokenUrl).setMethod(HttpMethod.POST)
                        .putHeader("Authorization", "Basic " + basic)
                        .putHeader("Content-Type", "application/x-www-form-urlencoded"))
                .chain(request -> request.send(body))
                .chain(response -> response.body().map(answer -> {
                    if (response.statusCode() != 200) {
                        LOG.warnf("auth-service refused the feed client %s: %d %s", client.id().get(), response.statusCode(), answer);
                        throw new IllegalStateException("token endpoint answered " + response.statusCode());
                    }
                    JsonObject json = answer.toJsonObject();
                    long lifetimeMillis = json.getLong("expires_in", 300L) * 1000;
                    token = new FeedToken(json.getString("access_token"), System.currentTimeMillis() + lifetimeMillis * 8 / 10);
                    return token.value();
                }));
    }

    /** RFC 6749 §2.3.1: Basic credentials are form-url-encoded first. */
    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private void reconnectLater(String reason) {
        if (stopped) {
            return;
        }
        connected = false;
        long delay = backoffMs;
        backoffMs = Math.min(MAX_BACKOFF_MS, backoffMs * 2);
        LOG.debugf("Revocation feed disconnected (%s); reconnecting in %d ms", reason, delay);
        vertx.setTimer(delay, id -> connect());
    }

    /** Server-sent events are blocks separated by a blank line; their data lines carry JSON. */
    private void drainEvents(StringBuilder pending) {
        int end;
        while ((end = pending.indexOf("\n\n")) >= 0) {
            String block = pending.substring(0, end);
            pending.delete(0, end + 2);
            StringBuilder data = new StringBuilder();
            for (String line : block.split("\n")) {
                if (line.startsWith("data:")) {
                    data.append(line.substring(5).trim());
                }
            }
            if (!data.isEmpty()) {
                apply(new JsonObject(data.toString()));
            }
        }
    }

    void apply(JsonObject event) {
        String type = event.getString("type", "");
        boolean denied = denyList.apply(type, event.getString("value"), event.getLong("expires_at"), event.getLong("not_before"));
        if (!denied && "keys".equals(type)) {
            keys.refresh().subscribe().with(ignored -> { }, failure -> { });
        }
        Long sequence = event.getLong("seq");
        if (sequence != null) {
            lastSequence.accumulateAndGet(sequence, Math::max);
        }
    }
}
