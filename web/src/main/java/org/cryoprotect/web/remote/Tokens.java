package org.cryoprotect.web.remote;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A user's tokens as auth-service issued them. The user id is the access token's {@code sub}, read
 * without verifying the signature: web got the token from auth-service itself, over its own call.
 */
@RegisterForReflection
public record Tokens(String accessToken, String refreshToken, Instant accessExpiresAt, UUID userId) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Tokens of(JsonNode response, Instant now) {
        String access = response.path("access_token").asText();
        String refresh = response.path("refresh_token").asText();
        long expiresIn = response.path("expires_in").asLong(60);
        if (access.isEmpty() || refresh.isEmpty()) {
            throw new RemoteUnavailable("auth-service answered without tokens");
        }
        return new Tokens(access, refresh, now.plusSeconds(expiresIn), subject(access));
    }

    private static UUID subject(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            throw new RemoteUnavailable("auth-service answered with a malformed access token");
        }
        try {
            JsonNode claims = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            return UUID.fromString(claims.path("sub").asText());
        } catch (Exception e) {
            throw new RemoteUnavailable("auth-service answered with an access token without a user id");
        }
    }
}
