package org.cryoprotect.auth.rest;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.cryoprotect.auth.service.TokenResponse;
import org.cryoprotect.auth.service.UserSessions;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

@Path("/api/auth")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

    public record Signup(@NotBlank @Email @Size(max = 254) String email,
            @NotNull @Size(min = 10, max = 128, message = "must be 10 to 128 characters") String password,
            @Size(max = 200) String displayName) {
    }

    public record Login(@NotBlank @Size(max = 254) String email, @NotNull @Size(max = 128) String password) {
    }

    private final UserSessions sessions;
    private final HttpServerRequest http;
    private final ClientAddress clientAddress;

    public AccountResource(UserSessions sessions, HttpServerRequest http, ClientAddress clientAddress) {
        this.sessions = sessions;
        this.http = http;
        this.clientAddress = clientAddress;
    }

    @POST
    @Path("/signup")
    public Uni<RestResponse<Map<String, String>>> signup(@Valid @NotNull Signup request) {
        return sessions.signup(request.email(), request.password(), request.displayName(), clientAddress.of(http))
                .map(id -> RestResponse.status(RestResponse.Status.CREATED, Map.of("id", id.toString())));
    }

    @POST
    @Path("/login")
    public Uni<RestResponse<TokenResponse>> login(@Valid @NotNull Login request) {
        return sessions.login(request.email(), request.password(), clientAddress.of(http))
                .map(tokens -> RestResponse.ResponseBuilder.ok(tokens).header("Cache-Control", "no-store").build());
    }
}
