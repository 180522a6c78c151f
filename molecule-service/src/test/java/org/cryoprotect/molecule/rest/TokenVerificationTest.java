package org.cryoprotect.molecule.rest;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import org.cryoprotect.common.testing.TestKeys;
import org.cryoprotect.common.testing.TestTokens;
import org.cryoprotect.molecule.Api;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The checks smallrye-jwt leaves to applications, and the ones it only makes when configured. */
@QuarkusTest
class TokenVerificationTest {

    private static final String MOLECULES = "/api/molecules?limit=1";

    @Test
    void aValidTokenIsAccepted() {
        assertStatus(Api.user().token(), 200);
    }

    @Test
    void wrongTypeIsRefused() {
        assertStatus(TestTokens.claims(UUID.randomUUID().toString(), "authenticated", Api.AUDIENCE)
                .jws().keyId("test-key").type("JWT").sign(TestKeys.privateKey()), 401);
    }

    @Test
    void tokenForAnotherServiceIsRefused() {
        assertStatus(TestTokens.user(UUID.randomUUID(), "import-service"), 401);
    }

    @Test
    void unknownOrMissingRoleIsRefused() {
        assertStatus(TestTokens.claims(UUID.randomUUID().toString(), "superuser", Api.AUDIENCE)
                .jws().keyId("test-key").type("at+jwt").sign(TestKeys.privateKey()), 401);
        assertStatus(TestTokens.claims(UUID.randomUUID().toString(), "authenticated", Api.AUDIENCE).remove("role")
                .jws().keyId("test-key").type("at+jwt").sign(TestKeys.privateKey()), 401);
    }

    @Test
    void userTokenWithoutUuidSubjectIsRefused() {
        assertStatus(TestTokens.claims("alice", "authenticated", Api.AUDIENCE)
                .jws().keyId("test-key").type("at+jwt").sign(TestKeys.privateKey()), 401);
    }

    @Test
    void expiredAndOverlongTokensAreRefused() {
        long now = System.currentTimeMillis() / 1000;
        assertStatus(TestTokens.claims(UUID.randomUUID().toString(), "authenticated", Api.AUDIENCE)
                .issuedAt(now - 600).expiresAt(now - 120)
                .jws().keyId("test-key").type("at+jwt").sign(TestKeys.privateKey()), 401);
        assertStatus(TestTokens.claims(UUID.randomUUID().toString(), "authenticated", Api.AUDIENCE)
                .expiresIn(Duration.ofDays(30))
                .jws().keyId("test-key").type("at+jwt").sign(TestKeys.privateKey()), 401);
    }

    @Test
    void wrongIssuerIsRefused() {
        assertStatus(TestTokens.claims(UUID.randomUUID().toString(), "authenticated", Api.AUDIENCE)
                .issuer("https://evil.example")
                .jws().keyId("test-key").type("at+jwt").sign(TestKeys.privateKey()), 401);
    }

    @Test
    void unsignedAndTamperedTokensAreRefused() {
        String valid = Api.user().token();
        String[] parts = valid.split("\\.");
        for (String alg : new String[] {"none", "None", "NONE", "nOnE"}) {
            String header = b64("{\"alg\":\"" + alg + "\",\"typ\":\"at+jwt\"}");
            assertStatus(header + "." + parts[1] + ".", 401);
        }
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"authenticated\"", "\"service_role\"");
        assertStatus(parts[0] + "." + b64(payload) + "." + parts[2], 401);
        assertStatus(parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() / 2), 401);
        assertStatus("garbage", 401);
    }

    @Test
    void anonymousIsAllowedToReadPublicRows() {
        given().get(MOLECULES).then().statusCode(200);
    }

    private static void assertStatus(String token, int status) {
        given().auth().oauth2(token).get(MOLECULES).then().statusCode(status);
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
