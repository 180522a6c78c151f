package org.cryoprotect.auth.service;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.cryoprotect.auth.AuthConfig;
import org.cryoprotect.common.security.VerificationKeys;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

/** Reads access tokens this service issued, for any audience: for revocation and introspection. */
@ApplicationScoped
public class OwnTokens {

    private final JwtConsumer consumer;

    public OwnTokens(AuthConfig config, VerificationKeys keys) {
        this.consumer = new JwtConsumerBuilder()
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .setVerificationKeyResolver(keys)
                .setExpectedType(true, "at+jwt")
                .setExpectedIssuer(config.issuer())
                .setSkipDefaultAudienceValidation()
                .setRequireExpirationTime()
                .setRequireJwtId()
                .setAllowedClockSkewInSeconds(30)
                .build();
    }

    public Optional<JwtClaims> read(String token) {
        if (token == null || token.length() > 8192 || token.chars().filter(c -> c == '.').count() != 2) {
            return Optional.empty();
        }
        try {
            return Optional.of(consumer.processToClaims(token));
        } catch (InvalidJwtException e) {
            return Optional.empty();
        }
    }
}
