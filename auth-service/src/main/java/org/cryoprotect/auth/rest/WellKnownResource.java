package org.cryoprotect.auth.rest;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.cryoprotect.auth.AuthConfig;
import org.cryoprotect.auth.service.SigningKeys;
import org.jose4j.jwk.JsonWebKey;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The public key set (next, active and still-valid retired keys) and RFC 8414 metadata. */
@Path("/.well-known")
@Produces(MediaType.APPLICATION_JSON)
public class WellKnownResource {

    private final SigningKeys keys;
    private final AuthConfig config;

    public WellKnownResource(SigningKeys keys, AuthConfig config) {
        this.keys = keys;
        this.config = config;
    }

    @GET
    @Path("/jwks.json")
    public Response jwks() {
        JsonArray published = new JsonArray();
        for (JsonWebKey key : keys.ring().published()) {
            published.add(new JsonObject(key.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)));
        }
        // short: verifiers also refresh on key events and unknown kids
        return Response.ok(new JsonObject().put("keys", published).encode()).header("Cache-Control", "max-age=60").build();
    }

    @GET
    @Path("/oauth-authorization-server")
    public Map<String, Object> metadata() {
        String issuer = config.issuer();
        return Map.of(
                "issuer", issuer,
                "token_endpoint", issuer + "/oauth/token",
                "jwks_uri", issuer + "/.well-known/jwks.json",
                "revocation_endpoint", issuer + "/oauth/revoke",
                "introspection_endpoint", issuer + "/oauth/introspect",
                "grant_types_supported", List.of("client_credentials", "refresh_token"),
                "token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"),
                "revocation_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"),
                "introspection_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"),
                "response_types_supported", List.of());
    }
}
