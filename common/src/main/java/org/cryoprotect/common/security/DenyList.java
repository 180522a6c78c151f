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

    /**
     * Applies one event of auth-service's revocation feed (token, client, subject; times in epoch
     * seconds). Used by auth-service itself and by every service following the feed.
     *
     * @return false for event types that are not about the deny-list (keys, heartbeats)
     */
    public boolean apply(String type, String value, Long expiresAt, Long notBefore) {
        switch (type) {
            case "token" -> revokeToken(value, Instant.ofEpochSecond(expiresAt));
            case "client" -> revokeClientTokensIssuedBefore(value, Instant.ofEpochSecond(notBefore));
            case "subject" -> revokeSubjectTokensIssuedBefore(value, Instant.ofEpochSecond(notBefore));
            default -> {
                return false;
            }
        }
        return true;
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
