package org.cryoprotect.common.security;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;

/**
 * Revoked token ids until they would have expired anyway, and "not before" times for clients and
 * users whose every earlier token is dead (a disabled client, a killed refresh-token family's user).
 */
@ApplicationScoped
public class DenyList {

    private final Map<String, Instant> revokedTokens = new ConcurrentHashMap<>();
    private final Map<String, Instant> clientsNotBefore = new ConcurrentHashMap<>();
    private final Map<String, Instant> subjectsNotBefore = new ConcurrentHashMap<>();
    private final TokenConfig config;

    public DenyList(TokenConfig config) {
        this.config = config;
    }

    public void revokeToken(String jti, Instant expiresAt) {
        if (expiresAt.isAfter(Instant.now())) {
            revokedTokens.put(jti, expiresAt);
        }
    }

    public void revokeClientTokensIssuedBefore(String clientId, Instant notBefore) {
        clientsNotBefore.merge(clientId, notBefore, (a, b) -> a.isAfter(b) ? a : b);
    }

    public void revokeSubjectTokensIssuedBefore(String subject, Instant notBefore) {
        subjectsNotBefore.merge(subject, notBefore, (a, b) -> a.isAfter(b) ? a : b);
    }

    public boolean isRevoked(String jti, String clientId, String subject, Instant issuedAt) {
        if (jti != null && revokedTokens.containsKey(jti)) {
            return true;
        }
        return issuedBefore(clientsNotBefore, clientId, issuedAt) || issuedBefore(subjectsNotBefore, subject, issuedAt);
    }

    public int size() {
        return revokedTokens.size() + clientsNotBefore.size() + subjectsNotBefore.size();
    }

    /** Entries outlive no token they could match. */
    @Scheduled(every = "60s")
    void forgetExpired() {
        Instant now = Instant.now();
        Instant oldestLiveIssue = now.minus(config.maxLifetime()).minus(config.clockSkew());
        revokedTokens.values().removeIf(exp -> exp.plus(config.clockSkew()).isBefore(now));
        clientsNotBefore.values().removeIf(notBefore -> notBefore.isBefore(oldestLiveIssue));
        subjectsNotBefore.values().removeIf(notBefore -> notBefore.isBefore(oldestLiveIssue));
    }

    private static boolean issuedBefore(Map<String, Instant> notBefore, String key, Instant issuedAt) {
        if (key == null) {
            return false;
        }
        Instant limit = notBefore.get(key);
        return limit != null && !issuedAt.isAfter(limit);
    }
}
