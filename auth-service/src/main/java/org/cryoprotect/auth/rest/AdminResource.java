package org.cryoprotect.auth.rest;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.cryoprotect.auth.repository.ClientRepository.Client;
import org.cryoprotect.auth.service.ServiceClients;
import org.cryoprotect.auth.service.SigningKeys;
import org.cryoprotect.auth.service.UserSessions;
import org.cryoprotect.common.problem.ProblemException;
import org.cryoprotect.common.security.Caller;
import org.cryoprotect.common.security.TokenRole;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** Service clients, users and signing keys, for administrators (role admin, audience auth-service). */
@Path("/api/admin")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    public record NewClient(@NotBlank @Size(max = 64) String clientId,
            @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 64) String> scopes,
            @NotEmpty @Size(max = 10) List<@NotBlank @Size(max = 64) String> audiences) {
    }

    public record ClientView(String clientId, List<String> scopes, List<String> audiences, boolean enabled) {
    }

    private final ServiceClients clients;
    private final UserSessions users;
    private final SigningKeys keys;
    private final JsonWebToken token;

    public AdminResource(ServiceClients clients, UserSessions users, SigningKeys keys, JsonWebToken token) {
        this.clients = clients;
        this.users = users;
        this.keys = keys;
        this.token = token;
    }

    /** The answer carries the client secret: it is shown this once and never again. */
    @POST
    @Path("/clients")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<ServiceClients.CreatedClient>> create(@Valid @NotNull NewClient request) {
        requireAdmin();
        return clients.create(request.clientId(), request.scopes(), request.audiences())
                .map(created -> RestResponse.ResponseBuilder.create(RestResponse.Status.CREATED, created)
                        .header("Cache-Control", "no-store").build());
    }

    @GET
    @Path("/clients")
    public Uni<List<ClientView>> list() {
        requireAdmin();
        return clients.list().map(all -> all.stream()
                .map((Client c) -> new ClientView(c.clientId(), c.scopes(), c.audiences(), c.enabled())).toList());
    }

    @POST
    @Path("/clients/{clientId}/disable")
    public Uni<RestResponse<Void>> disable(@RestPath String clientId) {
        requireAdmin();
        return clients.disable(clientId).map(ignored -> RestResponse.noContent());
    }

    /** The user can no longer log in or refresh; every live token of theirs is refused everywhere within a second. */
    @POST
    @Path("/users/{userId}/disable")
    public Uni<RestResponse<Void>> disableUser(@RestPath UUID userId) {
        Caller admin = requireAdmin();
        if (userId.equals(admin.userId())) {
            throw ProblemException.conflict("Administrators cannot disable their own account");
        }
        return users.disable(userId).map(ignored -> RestResponse.noContent());
    }

    @POST
    @Path("/keys/rotate")
    public Uni<Map<String, Object>> rotate() {
        requireAdmin();
        return keys.rotate().map(ring -> Map.of("active_kid", ring.activeKid(),
                "published_kids", ring.published().stream().map(k -> k.getKeyId()).toList()));
    }

    private Caller requireAdmin() {
        Caller caller = Caller.of(token);
        if (caller.role() != TokenRole.ADMIN) {
            throw ProblemException.forbidden("Administrators only");
        }
        return caller;
    }
}
