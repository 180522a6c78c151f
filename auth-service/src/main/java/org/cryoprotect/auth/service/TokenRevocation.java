package org.cryoprotect.auth.service;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cryoprotect.common.db.Database;
import org.cryoprotect.common.security.DenyList;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;

import io.smallrye.mutiny.Uni;

/** RFC 7009 revocation and RFC 7662 introspection, for access tokens (JWTs) and refresh tokens. */
@ApplicationScoped
public class TokenRevocation {

    /** Who asks: an authenticated client, a signed-in user, or an administrator. */
    public record Requester(String clientId, UUID userId, boolean admin) {
    }

    private final Database database;
    private final OwnTokens ownTokens;
    private final Revocations revocations;
    private final UserSessions sessions;
    private final DenyList denyList;

    public TokenRevocation(Database database, OwnTokens ownTokens, Revocations revocations, UserSessions sessions, DenyList denyList) {
        this.database = database;
        this.ownTokens = ownTokens;
        this.revocations = revocations;
        this.sessions = sessions;
        this.denyList = denyList;
    }

    /** Unknown tokens and other people's tokens are not an error (RFC 7009 §2.2): nothing happens. */
    public Uni<Void> revoke(String token, Requester requester) {
        var claims = ownTokens.read(token);
        if (claims.isPresent()) {
            JwtClaims c = claims.get();
            if (!mayRevoke(c, requester)) {
                return Uni.createFrom().voidItem();
            }
            try {
                Instant expiresAt = Instant.ofEpochSecond(c.getExpirationTime().getValue());
                String jti = c.getJwtId();
                return database.transaction(db -> revocations.revokeToken(db, jti, expiresAt, "revoked by " + describe(requester)))
                        .replaceWithVoid();
            } catch (MalformedClaimException e) {
                return Uni.createFrom().voidItem();
            }
        }
        if (requester.userId() == null && !requester.admin()) {
            return Uni.createFrom().voidItem();
        }
        return sessions.revokeRefreshToken(token, requester.admin() ? null : requester.userId()).replaceWithVoid();
    }

    public Uni<Map<String, Object>> introspect(String token) {
        var claims = ownTokens.read(token);
        if (claims.isPresent()) {
            return Uni.createFrom().item(describe(claims.get()));
        }
        return sessions.inspectRefreshToken(token).map(found -> {
            Map<String, Object> answer = new LinkedHashMap<>();
            boolean active = found.isPresent() && !found.get().used() && !found.get().familyRevoked() && !found.get().expired();
            answer.put("active", active);
            if (active) {
                answer.put("token_type", "refresh_token");
                answer.put("client_id", found.get().clientId());
                answer.put("sub", found.get().userId().toString());
            }
            return answer;
        });
    }

    private Map<String, Object> describe(JwtClaims claims) {
        Map<String, Object> answer = new LinkedHashMap<>();
        try {
            Instant issuedAt = Instant.ofEpochSecond(claims.getIssuedAt().getValue());
            String clientId = claims.getClaimValueAsString("client_id");
            boolean revoked = denyList.isRevoked(claims.getJwtId(), clientId, claims.getSubject(), issuedAt);
            answer.put("active", !revoked);
            if (!revoked) {
                answer.put("token_type", "Bearer");
                answer.put("scope", claims.getClaimValueAsString("scope"));
                answer.put("client_id", clientId);
                answer.put("sub", claims.getSubject());
                answer.put("aud", claims.getAudience());
                answer.put("iss", claims.getIssuer());
                answer.put("exp", claims.getExpirationTime().getValue());
                answer.put("iat", claims.getIssuedAt().getValue());
                answer.put("jti", claims.getJwtId());
                answer.put("role", claims.getClaimValueAsString("role"));
            }
        } catch (MalformedClaimException e) {
            answer.put("active", false);
        }
        return answer;
    }

    private static boolean mayRevoke(JwtClaims claims, Requester requester) {
        try {
            return requester.admin()
                    || (requester.clientId() != null && requester.clientId().equals(claims.getClaimValueAsString("client_id"))
                            && requester.clientId().equals(claims.getSubject()))
                    || (requester.userId() != null && requester.userId().toString().equals(claims.getSubject()));
        } catch (MalformedClaimException e) {
            return false;
        }
    }

    private static String describe(Requester requester) {
        return requester.admin() ? "admin" : requester.clientId() != null ? "client " + requester.clientId() : "user";
    }
}
