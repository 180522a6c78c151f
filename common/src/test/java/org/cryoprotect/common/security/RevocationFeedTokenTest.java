package org.cryoprotect.common.security;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpServer;

/** The feed client gets a client-credentials token, sends it, and gets a new one after a 401. */
class RevocationFeedTokenTest {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.closeAndAwait();
    }

    @Test
    void sendsItsServiceTokenAndRenewsItAfterA401() throws Exception {
        AtomicInteger issued = new AtomicInteger();
        List<String> tokenRequests = new CopyOnWriteArrayList<>();
        List<String> feedAuthorizations = new CopyOnWriteArrayList<>();
        HttpServer auth = vertx.createHttpServer().requestHandler(request -> {
            if (request.path().equals("/oauth/token")) {
                request.body().subscribe().with(body -> {
                    tokenRequests.add(request.getHeader("Authorization") + " " + body.toString());
                    request.response().putHeader("Content-Type", "application/json")
                            .endAndForget("{\"access_token\":\"t" + issued.incrementAndGet() + "\",\"expires_in\":300}");
                });
                return;
            }
            feedAuthorizations.add(String.valueOf(request.getHeader("Authorization")));
            if (!"Bearer t2".equals(request.getHeader("Authorization"))) {
                request.response().setStatusCode(401).endAndForget();
                return;
            }
            request.response().setChunked(true).putHeader("Content-Type", "text/event-stream")
                    .writeAndForget("data: {\"seq\":7,\"type\":\"token\",\"value\":\"j1\",\"expires_at\":4102444800}\n\n");
        }).listenAndAwait(0, "127.0.0.1");

        RevocationFeedClient client = RevocationFeedGaugeTest.client(vertx, new SimpleMeterRegistry(),
                Optional.of("http://127.0.0.1:" + auth.actualPort() + "/api/revocations/stream"));
        client.start(new StartupEvent());
        await().atMost(Duration.ofSeconds(10)).until(() -> client.isConnected() && client.lastSequence() == 7);
        client.stop(new ShutdownEvent());

        assertEquals(List.of("Bearer t1", "Bearer t2"), feedAuthorizations);
        String basic = "Basic " + Base64.getEncoder().encodeToString("molecule-service:s3cret%2B%2F".getBytes(StandardCharsets.UTF_8));
        assertEquals(basic + " grant_type=client_credentials&audience=auth-service", tokenRequests.get(0));
        assertEquals(2, tokenRequests.size());
    }
}
