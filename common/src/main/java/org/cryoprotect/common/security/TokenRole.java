package org.cryoprotect.common.security;

import java.util.Optional;

/**
 * The fixed allow-list that maps a token's {@code role} claim to the PostgreSQL role a request runs as.
 * An admin is an ordinary user outside auth-service; admin powers live there.
 */
public enum TokenRole {
    ANONYMOUS(null, "cryo_anon"),
    AUTHENTICATED("authenticated", "cryo_authenticated"),
    ADMIN("admin", "cryo_authenticated"),
    SERVICE("service_role", "cryo_service");

    private final String claim;
    private final String databaseRole;

    TokenRole(String claim, String databaseRole) {
        this.claim = claim;
        this.databaseRole = databaseRole;
    }

    /** The value of the token's role claim ({@code anon} for callers without a token). */
    public String claim() {
        return claim == null ? "anon" : claim;
    }

    public String databaseRole() {
        return databaseRole;
    }

    public boolean isUser() {
        return this == AUTHENTICATED || this == ADMIN;
    }

    public static Optional<TokenRole> fromClaim(String claim) {
        for (TokenRole role : values()) {
            if (role.claim != null && role.claim.equals(claim)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
