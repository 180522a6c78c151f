package org.cryoprotect.auth.service;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cryoprotect.auth.AuthConfig;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/** Signs RFC 9068 access tokens with the active key. RSA signing is CPU work: done on worker threads. */
@ApplicationScoped
public class TokenIssuer {

    public record IssuedToken(String token, String jti, Instant issuedAt, Instant expiresAt, String scope) {
    }

    private final SigningKeys keys;
    private final AuthConfig config;
    private final MeterRegistry metrics;

    public TokenIssuer(SigningKeys keys, AuthConfig config, MeterRegistry metrics) {
        this.keys = keys;
        this.config = config;
        this.metrics = metrics;
    }

    public Uni<IssuedToken> issue(String subject, String clientId, String role, List<String> audiences, String scope,
            Duration lifetime) {
        return issue(subject, clientId, role, audiences, scope, lifetime, null);
    }

    /**
     * A user's token also carries her e-mail address (lower case), verified at login: molecule-service
     * matches team invitations to it, so that nobody learns whether an address has an account.
     */
    public Uni<IssuedToken> issue(String subject, String clientId, String role, List<String> audiences, String scope,
            Duration lifetime, String email) {
        return Uni.createFrom().item(() -> sign(subject, clientId, role, audiences, scope, lifetime, email))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .invoke(() -> Counter.builder("cryo.auth.tokens.issued").tag("role", role).register(metrics).increment());
    }

    private IssuedToken sign(String subject, String clientId, String role, List<String> audiences, String scope,
            Duration lifetime, String email) {
        SigningKeys.KeyRing ring = keys.ring();
        Instant now = Instant.now();
        Instant expiresAt = now.plus(lifetime);
        String jti = UUID.randomUUID().toString();
        var claims = Jwt.issuer(config.issuer())
                .subject(subject)
                .audience(new LinkedHashSet<>(audiences))
                .issuedAt(now.getEpochSecond())
                .expiresAt(expiresAt.getEpochSecond())
                .claim("jti", jti)
                .claim("client_id", clientId)
                .claim("scope", scope)
                .claim("role", role);
        if (email != null) {
            claims.claim("email", email.toLowerCase(Locale.ROOT));
        }
        String token = claims.jws().algorithm(SignatureAlgorithm.RS256).keyId(ring.activeKid()).type("at+jwt")
                .sign(ring.activeKey());
        return new IssuedToken(token, jti, Instant.ofEpochSecond(now.getEpochSecond()),
                Instant.ofEpochSecond(expiresAt.getEpochSecond()), scope);
    }
}
