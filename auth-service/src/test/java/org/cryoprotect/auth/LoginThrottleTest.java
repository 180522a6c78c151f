package org.cryoprotect.auth;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Login throttling with the test profile's limits: 5 failures per (account, address), 20 per account
 * before the slow-down (1 s doubling, at most 30 s). The loopback peer is a trusted proxy here, so
 * X-Forwarded-For plays clients at different addresses.
 */
@QuarkusTest
class LoginThrottleTest {

    @TestHTTPResource("/api/auth/login")
    URI loginUri;

    @Test
    void fiftyParallelWrongPasswordsReachThePasswordCheckOnlyFiveTimes() throws Exception {
        String[] user = OAuth.newUser();
        String body = "{\"email\":\"" + user[1] + "\",\"password\":\"wrong guess!\"}";
        List<HttpResponse<String>> responses = Parallel.send(50,
                () -> Parallel.jsonPost(loginUri, body).header("X-Forwarded-For", "192.0.2.50").build());

        assertEquals(5, responses.stream().filter(r -> r.statusCode() == 401).count(), "attempts that reached the password check");
        List<HttpResponse<String>> refused = responses.stream().filter(r -> r.statusCode() == 429).toList();
        assertEquals(45, refused.size());
        for (HttpResponse<String> response : refused) {
            assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
            long retryAfter = Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(retryAfter >= 1 && retryAfter <= 15 * 60, "Retry-After " + retryAfter);
            assertTrue(response.body().contains("\"status\":429"));
        }
        // even the right password waits at that address now; the account itself is not locked
        login(user[1], user[2], "192.0.2.50").then().statusCode(429);
        login(user[1], user[2], "192.0.2.51").then().statusCode(200);
    }

    @Test
    void theRealUserSignsInFromHerAddressWhileAnAttackerHammersTheAccount() {
        String[] user = OAuth.newUser();
        login(user[1], user[2], "198.51.100.10").then().statusCode(200);

        // one address: blocked after 5 failures
        for (int i = 0; i < 12; i++) {
            login(user[1], "guess " + i, "203.0.113.1").then().statusCode(i < 5 ? 401 : 429);
        }
        // many addresses: past 20 failures the account is slowed down, never for more than 30 s
        int reachedPasswordCheck = 5;
        for (int i = 0; i < 40; i++) {
            Response answer = login(user[1], "guess " + i, "203.0.114." + i);
            if (answer.statusCode() == 401) {
                reachedPasswordCheck++;
            } else {
                assertEquals(429, answer.statusCode());
                assertTrue(Integer.parseInt(answer.header("Retry-After")) <= 30, "backoff above its cap");
            }
        }
        assertTrue(reachedPasswordCheck >= 20 && reachedPasswordCheck < 45, "failures admitted: " + reachedPasswordCheck);

        // the real user, from the address she signed in from before, is not slowed down at all
        login(user[1], user[2], "198.51.100.10").then().statusCode(200);
        // from a new address she waits at most the cap
        Response elsewhere = login(user[1], user[2], "198.51.100.99");
        if (elsewhere.statusCode() == 429) {
            assertTrue(Integer.parseInt(elsewhere.header("Retry-After")) <= 30);
        } else {
            assertEquals(200, elsewhere.statusCode());
        }
    }

    @Test
    void aSuccessfulLoginClearsThatAddressesCount() {
        String[] user = OAuth.newUser();
        for (int i = 0; i < 4; i++) {
            login(user[1], "typo " + i, "192.0.2.60").then().statusCode(401);
        }
        login(user[1], user[2], "192.0.2.60").then().statusCode(200);
        for (int i = 0; i < 5; i++) {
            login(user[1], "typo again " + i, "192.0.2.60").then().statusCode(401);
        }
        login(user[1], user[2], "192.0.2.60").then().statusCode(429);
    }

    @Test
    void aTrustedProxysHeadersNameTheClientTheRightMostUntrustedHopCounts() {
        String email = "nobody-" + System.nanoTime() + "@lab.example";
        // distinct clients behind the proxy: none of them reaches its own limit
        for (int i = 0; i < 10; i++) {
            login(email, "guess", "192.0.2." + (100 + i)).then().statusCode(401);
        }
        // a client that forges entries in front of its real address is still counted at its address
        for (int i = 0; i < 5; i++) {
            given().contentType(ContentType.JSON).header("X-Forwarded-For", "10.9.8." + i + ", 192.0.2.200")
                    .body(Map.of("email", email, "password", "guess")).post("/api/auth/login").then().statusCode(401);
        }
        given().contentType(ContentType.JSON).header("X-Forwarded-For", "10.9.9.9, 192.0.2.200")
                .body(Map.of("email", email, "password", "guess")).post("/api/auth/login").then().statusCode(429);
        // RFC 7239 Forwarded names the client as well
        for (int i = 0; i < 5; i++) {
            given().contentType(ContentType.JSON).header("Forwarded", "for=\"[2001:db8::7]:4711\";proto=https")
                    .body(Map.of("email", email, "password", "guess")).post("/api/auth/login").then().statusCode(401);
        }
        given().contentType(ContentType.JSON).header("Forwarded", "for=\"[2001:db8::7]\"")
                .body(Map.of("email", email, "password", "guess")).post("/api/auth/login").then().statusCode(429);
    }

    @Test
    void clientAuthenticationIsThrottledTheSameWay() throws Exception {
        java.util.List<HttpResponse<String>> responses = Parallel.send(20, () -> java.net.http.HttpRequest
                .newBuilder(loginUri.resolve("/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-For", "192.0.2.70")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "grant_type=client_credentials&client_id=import-service&client_secret=wrong"))
                .build());
        assertEquals(5, responses.stream().filter(r -> r.statusCode() == 401).count());
        assertEquals(15, responses.stream().filter(r -> r.statusCode() == 429 && r.headers().firstValue("Retry-After").isPresent())
                .count());
        // the client itself still gets tokens from its own address
        given().header("X-Forwarded-For", "192.0.2.71").auth().preemptive().basic(OAuth.IMPORT_CLIENT, OAuth.IMPORT_SECRET)
                .contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .post("/oauth/token").then().statusCode(200);
    }

    static Response login(String email, String password, String address) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", address)
                .body(Map.of("email", email, "password", password)).post("/api/auth/login");
    }
}
