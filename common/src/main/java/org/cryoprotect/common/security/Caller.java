package org.cryoprotect.common.security;

import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.vertx.core.json.JsonObject;

/**
 * Who is calling, as far as the database needs to know: the role to run as, the user id for the
 * policies (null for anonymous and service callers) and the verified claims.
 */
public record Caller(TokenRole role, UUID userId, String clientId, Set<String> scopes, String claimsJson) {

    public static final Caller ANONYMOUS = new Caller(TokenRole.ANONYMOUS, null, null, Set.of(), "{}");

    /** The principal was verified by {@link AccessTokenPrincipalFactory}, so role and sub are known good. */
    public static Caller of(JsonWebToken token) {
        if (token == null || token.getRawToken() == null) {
            return ANONYMOUS;
        }
        TokenRole role = TokenRole.fromClaim(token.getClaim("role")).orElseThrow();
        UUID userId = role.isUser() ? UUID.fromString(token.getSubject()) : null;
        String scope = token.getClaim("scope");
        Set<String> scopes = scope == null ? Set.of()
                : Arrays.stream(scope.trim().split("\\s+")).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
        JsonObject claims = new JsonObject()
                .put("sub", token.getSubject())
                .put("role", role.claim())
                .put("client_id", token.<String>getClaim("client_id"))
                .put("scope", scope);
        String email = token.getClaim("email");
        if (email != null && role.isUser()) {
            claims.put("email", email);  // team invitations are matched to it (molecule-service V14)
        }
        return new Caller(role, userId, token.getClaim("client_id"), scopes, claims.encode());
    }

    /** The service itself, for its own housekeeping (refreshing views, schedules). */
    public static Caller internal(String serviceName) {
        return new Caller(TokenRole.SERVICE, null, serviceName, Set.of(), new JsonObject().put("client_id", serviceName).encode());
    }

    public boolean isService() {
        return role == TokenRole.SERVICE;
    }

    public boolean isAnonymous() {
        return role == TokenRole.ANONYMOUS;
    }

    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }

    /** What {@code request.jwt.claim.sub} carries: user ids only, so policies can cast it to uuid. */
    public String subjectSetting() {
        return userId == null ? "" : userId.toString();
    }
}
