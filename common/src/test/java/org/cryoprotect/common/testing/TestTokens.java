package org.cryoprotect.common.testing;

import java.time.Duration;
import java.util.UUID;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/** Access tokens shaped like auth-service's (RFC 9068), signed with the test key. */
public final class TestTokens {

    private TestTokens() {
    }

    public static String user(UUID userId, String audience) {
        return claims(userId.toString(), "authenticated", audience)
                .claim("client_id", "cryoprotect-web")
                .scope("molecules:read molecules:write")
                .jws().keyId("test-key").type("at+jwt").sign(TestKeys.privateKey());
    }

    public static String service(String clientId, String audience, String scope) {
        return claims(clientId, "service_role", audience)
                .claim("client_id", clientId)
                .scope(scope)
                .jws().keyId("test-key").type("at+jwt").sign(TestKeys.privateKey());
    }

    /** A starting point for tokens a test wants to bend (wrong typ, audience, lifetime...). */
    public static JwtClaimsBuilder claims(String subject, String role, String audience) {
        return Jwt.issuer(TestKeys.ISSUER)
                .subject(subject)
                .audience(audience)
                .claim("role", role)
                .claim("jti", UUID.randomUUID().toString())
                .issuedAt(System.currentTimeMillis() / 1000)
                .expiresIn(Duration.ofMinutes(5));
    }
}
