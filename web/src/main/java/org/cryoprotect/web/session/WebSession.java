package org.cryoprotect.web.session;

import java.time.Instant;
import java.util.UUID;

/** A signed-in browser: who, their tokens (never sent to the browser) and the page's CSRF token. */
public record WebSession(byte[] idHash, UUID userId, String displayName, String accessToken, Instant accessExpiresAt,
        String refreshToken, String csrfToken, Instant lastSeenAt, Instant expiresAt) {

    WebSession withTokens(String access, Instant accessExpires, String refresh) {
        return new WebSession(idHash, userId, displayName, access, accessExpires, refresh, csrfToken, lastSeenAt, expiresAt);
    }
}
