package org.cryoprotect.auth;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The revocation feed is for service clients only, and each client holds at most 4 streams open. */
@QuarkusTest
class RevocationFeedAccessTest {

    @TestHTTPResource("/api/revocations/stream?since=0")
    URI stream;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void onlyServiceTokensReadTheFeed() throws Exception {
        given().get("/api/revocations?since=0").then().statusCode(401).contentType("application/problem+json");
        given().get("/api/revocations/stream").then().statusCode(401).contentType("application/problem+json");
        String[] user = OAuth.newUser();
        String userToken = OAuth.login(user[1], user[2]).getString("access_token");
        given().auth().oauth2(userToken).get("/api/revocations?since=0").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(userToken).get("/api/revocations/stream").then().statusCode(403);
        given().auth().oauth2(OAuth.adminToken()).get("/api/revocations/stream").then().statusCode(403);
        // a service token for another audience is not one for auth-service
        given().auth().oauth2(OAuth.serviceToken(OAuth.IMPORT_CLIENT, OAuth.IMPORT_SECRET, "molecule-service"))
                .get("/api/revocations?since=0").then().statusCode(401);

        given().auth().oauth2(OAuth.feedToken()).get("/api/revocations?since=0").then().statusCode(200);
        InputStream events = open(OAuth.feedToken()).body();
        try (events) {
            // a revocation made now arrives on the open stream
            given().auth().oauth2(userToken).contentType(ContentType.URLENC).formParam("token", userToken)
                    .post("/oauth/revoke").then().statusCode(200);
            String jti = OAuth.claims(userToken).getString("jti");
            assertTrue(java.util.concurrent.CompletableFuture.supplyAsync(() -> readUntil(events, jti))
                    .get(10, java.util.concurrent.TimeUnit.SECONDS), "the revocation was not on the feed");
        }
    }

    @Test
    void eachClientHoldsAtMostFourStreams() throws Exception {
        String clientId = "feed-cap-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = given().auth().oauth2(OAuth.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("client_id", clientId, "scopes", List.of("revocations:read"), "audiences", List.of("auth-service")))
                .post("/api/admin/clients").then().statusCode(201).extract().path("client_secret");
        String token = OAuth.serviceToken(clientId, secret);

        List<HttpResponse<InputStream>> open = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                HttpResponse<InputStream> response = open(token);
                assertEquals(200, response.statusCode());
                open.add(response);
            }
            HttpResponse<InputStream> fifth = open(token);
            assertEquals(429, fifth.statusCode());
            assertEquals("application/problem+json", fifth.headers().firstValue("Content-Type").orElse(""));
            assertTrue(fifth.headers().firstValue("Retry-After").isPresent());
            fifth.body().close();

            // another client is not affected
            HttpResponse<InputStream> other = open(OAuth.feedToken());
            assertEquals(200, other.statusCode());
            other.body().close();

            // one stream ends: its slot comes back
            open.remove(0).body().close();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                HttpResponse<InputStream> again = open(token);
                if (again.statusCode() == 200) {
                    open.add(again);
                    return true;
                }
                again.body().close();
                return false;
            });
            HttpResponse<InputStream> stillFull = open(token);
            stillFull.body().close();
            assertEquals(429, stillFull.statusCode());
        } finally {
            for (HttpResponse<InputStream> response : open) {
                response.body().close();
            }
        }
    }

    private HttpResponse<InputStream> open(String token) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(stream).header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    private static boolean readUntil(InputStream events, String value) {
        StringBuilder seen = new StringBuilder();
        byte[] buffer = new byte[4096];
        try {
            int read;
            while ((read = events.read(buffer)) >= 0) {
                seen.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
                if (seen.indexOf(value) >= 0) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
