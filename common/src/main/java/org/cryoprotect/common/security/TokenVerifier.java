package org.cryoprotect.common.security;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

/**
 * Verifies an access token completely, in memory: RS256 only, a known kid, the RFC 9068 type,
 * issuer, this service's audience, exp/nbf with a small skew, bounded lifetime, a known role, a
 * UUID subject for users, and no revocation.
 *
 * <p>A token that passed is remembered until it expires or the keys change: its signature check (RSA)
 * and parsing were a fifth of a list request's CPU (JFR, issue 14), and a client sends the same token
 * for many requests. Expiry and revocation are checked on every use.
 */
@ApplicationScoped
public class TokenVerifier {

    /** Larger tokens are refused before any parsing; ours are well under 2 kB. */
    public static final int MAX_TOKEN_LENGTH = 8192;

    /** Tokens remembered at most; beyond, the expired ones go, and if that is not enough, all. */
    static final int MAX_VERIFIED = 10_000;

    private final JwtConsumer consumer;
    private final DenyList denyList;
    private final TokenConfig config;
    private final VerificationKeys keys;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    /** A token's claims as verified with {@code keys}, the key set of that moment. */
    private record Verified(String claimsJson, long expiresAt, List<JsonWebKey> keys) {
    }

    public TokenVerifier(TokenConfig config, VerificationKeys keys, DenyList denyList) {
        this.config = config;
        this.denyList = denyList;
        this.keys = keys;
        this.consumer = new JwtConsumerBuilder()
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .setVerificationKeyResolver(keys)
                .setExpectedType(true, "at+jwt")
                .setExpectedIssuer(config.issuer())
                .setExpectedAudience(config.audience())
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setRequireJwtId()
                .setRequireSubject()
                .setAllowedClockSkewInSeconds((int) config.clockSkew().toSeconds())
                .setMaxFutureValidityInMinutes((int) Math.max(1, config.maxLifetime().toMinutes()))
                .build();
    }

    public JwtClaims verify(String token) throws InvalidTokenException {
        if (token == null || token.length() > MAX_TOKEN_LENGTH) {
            throw new InvalidTokenException("Token missing or too large");
        }
        try {
            JwtClaims claims = remembered(token);
            if (claims == null) {
                claims = checked(token);
            }
            Instant issuedAt = Instant.ofEpochSecond(claims.getIssuedAt().getValue());
            String clientId = claims.getClaimValueAsString("client_id");
            if (denyList.isRevoked(claims.getJwtId(), clientId, claims.getSubject(), issuedAt)) {
                throw new InvalidTokenException("Token revoked");
            }
            return claims;
        } catch (InvalidJwtException | MalformedClaimException e) {
            throw new InvalidTokenException(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new InvalidTokenException("Subject of a user token must be a UUID");
        }
    }

    /** A fresh copy of the claims of a token that passed with the current keys and has not expired since; else null. */
    private JwtClaims remembered(String token) throws InvalidJwtException {
        Verified known = verified.get(token);
        if (known == null || known.keys() != keys.current()) {
            return null;
        }
        if (Instant.now().getEpochSecond() >= known.expiresAt() + config.clockSkew().toSeconds()) {
            verified.remove(token);
            return null;
        }
        return JwtClaims.parse(known.claimsJson());
    }

    /** Everything but revocation, and remembers the token when it passes. */
    private JwtClaims checked(String token) throws InvalidJwtException, MalformedClaimException, InvalidTokenException {
        List<JsonWebKey> keysNow = keys.current();  // before the check: a refresh meanwhile makes the entry stale
        JwtClaims claims = consumer.processToClaims(token);
        Instant issuedAt = Instant.ofEpochSecond(claims.getIssuedAt().getValue());
        Instant expiresAt = Instant.ofEpochSecond(claims.getExpirationTime().getValue());
        if (expiresAt.isAfter(issuedAt.plus(config.maxLifetime()))) {
            throw new InvalidTokenException("Token lifetime exceeds " + config.maxLifetime());
        }
        if (issuedAt.isAfter(Instant.now().plus(config.clockSkew()))) {
            throw new InvalidTokenException("Token issued in the future");
        }
        TokenRole role = TokenRole.fromClaim(claims.getClaimValueAsString("role"))
                .orElseThrow(() -> new InvalidTokenException("Unknown role"));
        if (role.isUser()) {
            UUID.fromString(claims.getSubject());
        }
        remember(token, new Verified(claims.toJson(), expiresAt.getEpochSecond(), keysNow));
        return claims;
    }

    private void remember(String token, Verified claims) {
        if (verified.size() >= MAX_VERIFIED) {
            long now = Instant.now().getEpochSecond();
            verified.values().removeIf(v -> v.expiresAt() <= now);
            if (verified.size() >= MAX_VERIFIED) {
                verified.clear();
            }
        }
        verified.put(token, claims);
    }

    public static class InvalidTokenException extends Exception {
        public InvalidTokenException(String message) {
            super(message, null, false, false);
        }
    }
}
