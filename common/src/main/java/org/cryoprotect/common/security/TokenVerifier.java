package org.cryoprotect.common.security;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jose4j.jwa.AlgorithmConstraints;
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
 */
@ApplicationScoped
public class TokenVerifier {

    /** Larger tokens are refused before any parsing; ours are well under 2 kB. */
    public static final int MAX_TOKEN_LENGTH = 8192;

    private final JwtConsumer consumer;
    private final DenyList denyList;
    private final TokenConfig config;

    public TokenVerifier(TokenConfig config, VerificationKeys keys, DenyList denyList) {
        this.config = config;
        this.denyList = denyList;
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

    public static class InvalidTokenException extends Exception {
        public InvalidTokenException(String message) {
            super(message, null, false, false);
        }
    }
}
