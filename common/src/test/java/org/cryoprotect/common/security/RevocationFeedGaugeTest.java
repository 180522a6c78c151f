package org.cryoprotect.common.security;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpServer;
import io.vertx.mutiny.core.http.HttpServerResponse;

/**
 * cryo_token_revocation_feed_connected: registered where a feed is followed, 1 while connected,
 * 0 once the feed is gone; absent where no feed is configured.
 */
class RevocationFeedGaugeTest {

    private final Vertx vertx = Vertx.vertx();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private HttpServerResponse open;

    @AfterEach
    void close() {
        vertx.closeAndAwait();
    }

    @Test
    void followsTheFeedConnection() throws Exception {
        HttpServer feed = vertx.createHttpServer().requestHandler(request -> {
            if (request.path().equals("/oauth/token")) {
                request.response().putHeader("Content-Type", "application/json")
                        .endAndForget("{\"access_token\":\"t\",\"expires_in\":300}");
                return;
            }
            open = request.response().setChunked(true).putHeader("Content-Type", "text/event-stream");
            open.writeAndForget(": hello\n\n");
        }).listenAndAwait(0, "127.0.0.1");
        RevocationFeedClient client = client(Optional.of("http://127.0.0.1:" + feed.actualPort() + "/api/revocations/stream"));
        client.start(new StartupEvent());
        DoubleSupplier connected = () -> registry.get("cryo.token.revocation.feed.connected").gauge().value();
        await().atMost(Duration.ofSeconds(10)).until(() -> connected.getAsDouble() == 1.0);
        feed.closeAndAwait();
        open.endAndForget();
        await().atMost(Duration.ofSeconds(10)).until(() -> connected.getAsDouble() == 0.0);
        client.stop(new ShutdownEvent());
    }

    @Test
    void noFeedNoGauge() {
        client(Optional.empty()).start(new StartupEvent());
        assertTrue(registry.find("cryo.token.revocation.feed.connected").gauges().isEmpty());
    }

    private RevocationFeedClient client(Optional<String> feedUrl) {
        return client(vertx, registry, feedUrl);
    }

    static RevocationFeedClient client(Vertx vertx, SimpleMeterRegistry registry, Optional<String> feedUrl) {
        TokenConfig config = new TokenConfig() {
            public String issuer() { return "https://auth.test"; }
            public String audience() { return "molecule-service"; }
            public Optional<String> jwksUrl() { return Optional.empty(); }
            public Optional<String> publicKeyLocation() { return Optional.empty(); }
            public Optional<String> revocationFeedUrl() { return feedUrl; }
            public FeedClient feedClient() {
                return new FeedClient() {
                    public Optional<String> id() { return Optional.of("molecule-service"); }
                    public Optional<String> secret() { return Optional.of("s3cret+/"); }
                    public String audience() { return "auth-service"; }
                    public Optional<String> tokenUrl() { return Optional.empty(); }
                };
            }
            public Duration clockSkew() { return Duration.ofSeconds(30); }
            public Duration maxLifetime() { return Duration.ofMinutes(15); }
            public Duration jwksRefreshInterval() { return Duration.ofMinutes(5); }
            public Duration jwksForcedRefreshInterval() { return Duration.ofSeconds(5); }
        };
        return new RevocationFeedClient(config, new DenyList(config), new VerificationKeys(config, vertx), vertx, registry);
    }
}
