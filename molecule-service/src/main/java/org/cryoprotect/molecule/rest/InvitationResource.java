package org.cryoprotect.molecule.rest;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.cryoprotect.common.security.Caller;
import org.cryoprotect.molecule.model.Accepted;
import org.cryoprotect.molecule.model.Invitation;
import org.cryoprotect.molecule.service.InvitationService;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/**
 * The caller's invitations to teams, found by the e-mail address of her token (auth-service puts it
 * there at sign-in): she accepts (and joins with the invited role) or declines.
 */
@Path("/api/invitations")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InvitationResource {

    private final InvitationService invitations;
    private final JsonWebToken token;

    public InvitationResource(InvitationService invitations, JsonWebToken token) {
        this.invitations = invitations;
        this.token = token;
    }

    @GET
    public Uni<List<Invitation>> mine() {
        return invitations.mine(Caller.of(token));
    }

    @POST
    @Path("/{id}/accept")
    public Uni<Accepted> accept(@RestPath String id) {
        return invitations.accept(Caller.of(token), RequestParams.id("id", id));
    }

    @DELETE
    @Path("/{id}")
    public Uni<RestResponse<Void>> decline(@RestPath String id) {
        return invitations.decline(Caller.of(token), RequestParams.id("id", id)).map(ignored -> RestResponse.noContent());
    }
}
