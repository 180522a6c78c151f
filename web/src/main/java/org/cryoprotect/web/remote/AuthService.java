package org.cryoprotect.web.remote;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.cryoprotect.web.WebConfig;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.mutiny.Uni;

/** auth-service as web uses it: sign-up, sign-in, refresh and revocation of a user's tokens. */
@ApplicationScoped
public class AuthService {

    private static final String NAME = "auth-service";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final AuthApi api;
    private final Clock clock;
    private final CallPolicy signup = CallPolicy.write("auth-signup", TIMEOUT);
    private final CallPolicy login = CallPolicy.write("auth-login", TIMEOUT);
    private final CallPolicy refresh = CallPolicy.write("auth-refresh", TIMEOUT);
    private final CallPolicy revoke = CallPolicy.read("auth-revoke", TIMEOUT);

    public AuthService(WebConfig config) {
        this.api = QuarkusRestClientBuilder.newBuilder().baseUri(URI.create(config.authServiceUrl())).disableDefaultMapper(true).build(AuthApi.class);
        this.clock = Clock.systemUTC();
    }

    /** The new user's id. Throttled per browser address, which auth-service reads from X-Forwarded-For when it trusts web. */
    public Uni<UUID> signup(String email, String password, String displayName, String browserAddress) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("email", email);
        body.put("password", password);
        body.put("display_name", displayName);
        return signup.call(() -> Replies.send(NAME, api.signup(browserAddress, body)))
                .map(response -> UUID.fromString(Replies.read(response, JsonNode.class).path("id").asText()));
    }

    public Uni<Tokens> login(String email, String password, String browserAddress) {
        return login.call(() -> Replies.send(NAME, api.login(browserAddress, Map.of("email", email, "password", password))))
                .map(response -> Tokens.of(Replies.read(response, JsonNode.class), clock.instant()));
    }

    /** Rotates the refresh token; a used or revoked one is a {@link RemoteProblem} (400 invalid_grant). */
    public Uni<Tokens> refresh(String refreshToken) {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        form.add("grant_type", "refresh_token");
        form.add("refresh_token", refreshToken);
        return refresh.call(() -> Replies.send(NAME, api.token(form)))
                .map(response -> Tokens.of(Replies.read(response, JsonNode.class), clock.instant()));
    }

    /**
     * The refresh token's family first (the access token is the bearer), which also revokes the
     * family's access tokens; then the access token itself, in case it was not one of them (a
     * refusal then means it is revoked already).
     */
    public Uni<Void> revoke(String accessToken, String refreshToken) {
        return revokeOne(accessToken, refreshToken)
                .chain(() -> revokeOne(accessToken, accessToken).onFailure(RemoteProblem.class).recoverWithNull());
    }

    private Uni<Void> revokeOne(String bearer, String token) {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        form.add("token", token);
        return revoke.call(() -> Replies.send(NAME, api.revoke(Replies.bearer(bearer), form)))
                .invoke(response -> response.close()).replaceWithVoid();
    }
}
