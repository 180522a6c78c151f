package org.cryoprotect.common.security;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.vertx.mutiny.core.Vertx;

/** The verifier's own rules, without HTTP: key strength, kid selection, the deny-list, and what it remembers. */
class TokenVerifierTest {

    private static final Vertx VERTX = Vertx.vertx();
    private static final TokenConfig CONFIG = new TokenConfig() {
        public String issuer() { return "https://auth.test"; }
        public String audience() { return "molecule-service"; }
        public Optional<String> jwksUrl() { return Optional.empty(); }
        public Optional<String> publicKeyLocation() { return Optional.empty(); }
        public Optional<String> revocationFeedUrl() { return Optional.empty(); }
        public FeedClient feedClient() { return null; }
        public Duration clockSkew() { return Duration.ofSeconds(30); }
        public Duration maxLifetime() { return Duration.ofMinutes(15); }
        public Duration jwksRefreshInterval() { return Duration.ofMinutes(5); }
        public Duration jwksForcedRefreshInterval() { return Duration.ofSeconds(5); }
    };

    private final VerificationKeys keys = new VerificationKeys(CONFIG, VERTX);
    private final DenyList denyList = new DenyList(CONFIG);
    private final TokenVerifier verifier = new TokenVerifier(CONFIG, keys, denyList);

    @AfterAll
    static void close() {
        VERTX.closeAndAwait();
    }

    @Test
    void aWeakKeyIsRefusedEvenWhenPublished() throws Exception {
        KeyPair weak = rsa(1024);
        install(weak, "weak");
        assertThrows(TokenVerifier.InvalidTokenException.class, () -> verifier.verify(sign(weak, "weak", claims())));
    }

    @Test
    void theRightKeyByKidAndNothingWithoutOne() throws Exception {
        KeyPair first = rsa(2048);
        KeyPair second = rsa(2048);
        keys.replace(List.of(jwk(first, "k1"), jwk(second, "k2")));
        assertEquals("service_role", verifier.verify(sign(second, "k2", claims())).getClaimValueAsString("role"));
        assertThrows(TokenVerifier.InvalidTokenException.class, () -> verifier.verify(sign(second, "k1", claims())));
        assertThrows(TokenVerifier.InvalidTokenException.class, () -> verifier.verify(sign(second, null, claims())));
    }

    @Test
    void revokedTokensClientsAndSubjectsAreRefused() throws Exception {
        KeyPair key = rsa(2048);
        install(key, "k1");
        JwtClaims byToken = claims();
        String token = sign(key, "k1", byToken);
        verifier.verify(token);
        denyList.revokeToken(byToken.getJwtId(), Instant.now().plusSeconds(300));
        assertThrows(TokenVerifier.InvalidTokenException.class, () -> verifier.verify(token));

        String clientToken = sign(key, "k1", claims());
        denyList.revokeClientTokensIssuedBefore("import-service", Instant.now());
        assertThrows(TokenVerifier.InvalidTokenException.class, () -> verifier.verify(clientToken));
    }

    @Test
    void aRememberedTokenIsRefusedOnceItsKeyIsGone() throws Exception {
        KeyPair retired = rsa(2048);
        install(retired, "k1");
        String token = sign(retired, "k1", claims());
        verifier.verify(token);
        verifier.verify(token);
        install(rsa(2048), "k2");
        assertThrows(TokenVerifier.InvalidTokenException.class, () -> verifier.verify(token));
        // the same kid with another key (a rotation that reused it) does not bring it back either
        install(rsa(2048), "k1");
        assertThrows(TokenVerifier.InvalidTokenException.class, () -> verifier.verify(token));
    }

    @Test
    void aRememberedTokenIsRefusedOnceItExpires() throws Exception {
        TokenConfig noSkew = new TokenConfig() {
            public String issuer() { return CONFIG.issuer(); }
            public String audience() { return CONFIG.audience(); }
            public Optional<String> jwksUrl() { return Optional.empty(); }
            public Optional<String> publicKeyLocation() { return Optional.empty(); }
            public Optional<String> revocationFeedUrl() { return Optional.empty(); }
            public FeedClient feedClient() { return null; }
            public Duration clockSkew() { return Duration.ZERO; }
            public Duration maxLifetime() { return CONFIG.maxLifetime(); }
            public Duration jwksRefreshInterval() { return CONFIG.jwksRefreshInterval(); }
            public Duration jwksForcedRefreshInterval() { return CONFIG.jwksForcedRefreshInterval(); }
        };
        TokenVerifier strict = new TokenVerifier(noSkew, keys, new DenyList(noSkew));
        KeyPair key = rsa(2048);
        install(key, "k1");
        JwtClaims shortLived = claims();
        shortLived.setExpirationTime(org.jose4j.jwt.NumericDate.fromSeconds(Instant.now().getEpochSecond() + 2));
        String token = sign(key, "k1", shortLived);
        strict.verify(token);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> refused(strict, token));
        assertThrows(TokenVerifier.InvalidTokenException.class, () -> strict.verify(token));
    }

    @Test
    void eachCallerGetsItsOwnCopyOfRememberedClaims() throws Exception {
        KeyPair key = rsa(2048);
        install(key, "k1");
        String token = sign(key, "k1", claims());
        verifier.verify(token).setClaim("role", "authenticated");
        assertEquals("service_role", verifier.verify(token).getClaimValueAsString("role"));
    }

    @Test
    void oversizedTokensAreRefusedBeforeParsing() {
        assertThrows(TokenVerifier.InvalidTokenException.class, () -> verifier.verify("a".repeat(TokenVerifier.MAX_TOKEN_LENGTH + 1)));
    }

    private static boolean refused(TokenVerifier verifier, String token) {
        try {
            verifier.verify(token);
            return false;
        } catch (TokenVerifier.InvalidTokenException e) {
            return true;
        }
    }

    private void install(KeyPair pair, String kid) throws Exception {
        keys.replace(List.of(jwk(pair, kid)));
    }

    private static PublicJsonWebKey jwk(KeyPair pair, String kid) throws Exception {
        PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(pair.getPublic());
        jwk.setKeyId(kid);
        return jwk;
    }

    private static JwtClaims claims() {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer("https://auth.test");
        claims.setAudience("molecule-service");
        claims.setSubject("import-service");
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(5);
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setClaim("client_id", "import-service");
        claims.setClaim("role", "service_role");
        return claims;
    }

    private static String sign(KeyPair pair, String kid, JwtClaims claims) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(pair.getPrivate());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "at+jwt");
        if (kid != null) {
            jws.setKeyIdHeaderValue(kid);
        }
        jws.setDoKeyValidation(false);
        return jws.getCompactSerialization();
    }

    private static KeyPair rsa(int bits) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits);
        return generator.generateKeyPair();
    }
}
