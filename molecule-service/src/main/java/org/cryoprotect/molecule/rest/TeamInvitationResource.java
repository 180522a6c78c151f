package org.cryoprotect.molecule.rest;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.cryoprotect.common.security.Caller;
import org.cryoprotect.molecule.model.Invitation;
import org.cryoprotect.molecule.model.NewInvitation;
import org.cryoprotect.molecule.service.InvitationService;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** Owners invite an e-mail address to their team: the answer is the same whether or not it has an account. */
@Path("/api/teams/{id}/invitations")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TeamInvitationResource {

    private final InvitationService invitations;
    private final JsonWebToken token;

    public TeamInvitationResource(InvitationService invitations, JsonWebToken token) {
        this.invitations = invitations;
        this.token = token;
    }

    @POST
    public Uni<RestResponse<Invitation>> invite(@RestPath String id, @Valid @NotNull NewInvitation invitation) {
        return invitations.invite(Caller.of(token), RequestParams.id("id", id), invitation.email(), invitation.role())
                .map(i -> RestResponse.status(RestResponse.Status.ACCEPTED, i));
    }

    /** The team's pending invitations: all of them for its owners, none for other members. */
    @GET
    public Uni<List<Invitation>> ofTeam(@RestPath String id) {
        return invitations.ofTeam(Caller.of(token), RequestParams.id("id", id));
    }

    @DELETE
    @Path("/{invitationId}")
    public Uni<RestResponse<Void>> withdraw(@RestPath String id, @RestPath String invitationId) {
        return invitations.withdraw(Caller.of(token), RequestParams.id("id", id), RequestParams.id("invitation_id", invitationId))
                .map(ignored -> RestResponse.noContent());
    }
}
