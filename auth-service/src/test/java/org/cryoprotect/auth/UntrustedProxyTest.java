package org.cryoprotect.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * The direct peer (loopback) is not a trusted proxy here: whatever X-Forwarded-For or Forwarded
 * say, every request counts against the peer's address. Sign-ups are limited to 3 per address.
 */
@QuarkusTest
@TestProfile(UntrustedProxyTest.UntrustedLoopback.class)
class UntrustedProxyTest {

    public static class UntrustedLoopback implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cryo.auth.throttle.trusted-proxies", "10.0.0.0/8",
                    "cryo.auth.throttle.max-signups-per-address", "3");
        }
    }

    @Test
    void forwardingHeadersFromAnUntrustedPeerAreIgnored() {
        String email = "nobody-" + System.nanoTime() + "@lab.example";
        for (int i = 0; i < 5; i++) {
            given().contentType(ContentType.JSON).header("X-Forwarded-For", "198.51.100." + i)
                    .header("Forwarded", "for=198.51.101." + i).body(Map.of("email", email, "password", "guess"))
                    .post("/api/auth/login").then().statusCode(401);
        }
        given().contentType(ContentType.JSON).header("X-Forwarded-For", "198.51.100.77")
                .body(Map.of("email", email, "password", "guess"))
                .post("/api/auth/login").then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", notNullValue());
    }

    @Test
    void signUpsAreThrottledPerAddress() {
        for (int i = 0; i < 3; i++) {
            signup(i).then().statusCode(201);
        }
        signup(3).then().statusCode(429).contentType("application/problem+json").body("status", equalTo(429))
                .header("Retry-After", notNullValue());
        // nothing was created by the refused sign-up
        given().contentType(ContentType.JSON).body(Map.of("email", email(3), "password", "a long enough password"))
                .post("/api/auth/login").then().statusCode(401);
    }

    private static io.restassured.response.Response signup(int i) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", "198.51.100." + (50 + i))
                .body(Map.of("email", email(i), "password", "a long enough password")).post("/api/auth/signup");
    }

    private static String email(int i) {
        return "signup-" + i + "-" + ProcessHandle.current().pid() + "@lab.example";
    }
}
