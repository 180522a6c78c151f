package org.cryoprotect.auth.rest;

import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.cryoprotect.auth.service.ClientAuthenticator;
import org.cryoprotect.auth.service.OAuthException;
import org.cryoprotect.auth.service.ServiceTokens;
import org.cryoprotect.auth.service.TokenRevocation;
import org.cryoprotect.auth.service.UserSessions;
import org.cryoprotect.common.security.Caller;
import org.cryoprotect.common.security.TokenRole;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.RestHeader;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/** RFC 6749 token endpoint, RFC 7009 revocation, RFC 7662 introspection. */
@Path("/oauth")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Produces(MediaType.APPLICATION_JSON)
public class TokenEndpoints {

    private final ServiceTokens serviceTokens;
    private final UserSessions sessions;
    private final TokenRevocation revocation;
    private final ClientAuthenticator clients;
    private final JsonWebToken bearer;
    private final HttpServerRequest http;
    private final ClientAddress clientAddress;

    public TokenEndpoints(ServiceTokens serviceTokens, UserSessions sessions, TokenRevocation revocation,
            ClientAuthenticator clients, JsonWebToken bearer, HttpServerRequest http, ClientAddress clientAddress) {
        this.serviceTokens = serviceTokens;
        this.sessions = sessions;
        this.revocation = revocation;
        this.clients = clients;
        this.bearer = bearer;
        this.http = http;
        this.clientAddress = clientAddress;
    }

    @POST
    @Path("/token")
    public Uni<Response> token(MultivaluedMap<String, String> parameters, @RestHeader("Authorization") String authorization) {
        OAuthForm form = new OAuthForm(parameters, authorization);
        String grant = form.require("grant_type");
        Uni<?> answer = switch (grant) {
            case "client_credentials" -> serviceTokens.grant(requireClient(form), form.get("scope"),
                    form.getAll("resource", "audience"), address());
            case "refresh_token" -> sessions.refresh(form.require("refresh_token"));
            default -> throw OAuthException.unsupportedGrantType("Grant type '" + grant + "' is not supported");
        };
        return answer.map(body -> Response.ok(body).header("Cache-Control", "no-store").header("Pragma", "no-cache").build());
    }

    /** Always 200 for a well-formed request: unknown or foreign tokens change nothing (RFC 7009 §2.2). */
    @POST
    @Path("/revoke")
    public Uni<Response> revoke(MultivaluedMap<String, String> parameters, @RestHeader("Authorization") String authorization) {
        OAuthForm form = new OAuthForm(parameters, authorization);
        String token = form.require("token");
        return requester(form).chain(requester -> revocation.revoke(token, requester))
                .map(ignored -> Response.ok().header("Cache-Control", "no-store").build());
    }

    @POST
    @Path("/introspect")
    public Uni<Map<String, Object>> introspect(MultivaluedMap<String, String> parameters,
            @RestHeader("Authorization") String authorization) {
        OAuthForm form = new OAuthForm(parameters, authorization);
        String token = form.require("token");
        return requester(form).chain(requester -> {
            if (requester.clientId() == null && !requester.admin()) {
                throw OAuthException.invalidClient("Introspection is for authenticated clients and administrators");
            }
            return revocation.introspect(token);
        });
    }

    private Uni<TokenRevocation.Requester> requester(OAuthForm form) {
        ClientAuthenticator.Credentials credentials = form.clientCredentials();
        if (credentials != null) {
            return clients.authenticate(credentials, address())
                    .map(client -> new TokenRevocation.Requester(client.clientId(), null, false));
        }
        Caller caller = Caller.of(bearer);
        if (caller.isAnonymous()) {
            return Uni.createFrom().failure(OAuthException.invalidClient("Authenticate as a client or with a bearer token"));
        }
        return Uni.createFrom().item(new TokenRevocation.Requester(caller.isService() ? caller.clientId() : null,
                caller.userId(), caller.role() == TokenRole.ADMIN));
    }

    private static ClientAuthenticator.Credentials requireClient(OAuthForm form) {
        ClientAuthenticator.Credentials credentials = form.clientCredentials();
        if (credentials == null) {
            throw OAuthException.invalidClient("Client authentication is required");
        }
        return credentials;
    }

    private String address() {
        return clientAddress.of(http);
    }
}
