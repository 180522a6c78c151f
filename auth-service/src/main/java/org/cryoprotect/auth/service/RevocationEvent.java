package org.cryoprotect.auth.service;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One entry of the revocation feed. type: token (value = jti, until expires_at), client or subject
 * (every token of that client or user issued up to not_before), keys (the JWKS changed), heartbeat.
 * Times are epoch seconds.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RevocationEvent(Long seq, String type, String value, Long expiresAt, Long notBefore) {

    public static RevocationEvent heartbeat() {
        return new RevocationEvent(null, "heartbeat", null, null, null);
    }
}
