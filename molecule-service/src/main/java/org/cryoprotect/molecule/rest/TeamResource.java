package org.cryoprotect.molecule.rest;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.cryoprotect.common.security.Caller;
import org.cryoprotect.molecule.model.Member;
import org.cryoprotect.molecule.model.NewMember;
import org.cryoprotect.molecule.model.NewTeam;
import org.cryoprotect.molecule.model.Team;
import org.cryoprotect.molecule.service.TeamService;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

@Path("/api/teams")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TeamResource {

    private final TeamService teams;
    private final JsonWebToken token;

    public TeamResource(TeamService teams, JsonWebToken token) {
        this.teams = teams;
        this.token = token;
    }

    /** The caller becomes the new team's owner. */
    @POST
    public Uni<RestResponse<Team>> create(@Valid @NotNull NewTeam request) {
        return teams.create(Caller.of(token), request.name()).map(t -> RestResponse.status(RestResponse.Status.CREATED, t));
    }

    @GET
    public Uni<List<Team>> mine() {
        return teams.teams(Caller.of(token));
    }

    @PATCH
    @Path("/{id}")
    public Uni<Team> rename(@RestPath String id, @Valid @NotNull NewTeam request) {
        return teams.renameTeam(Caller.of(token), RequestParams.id("id", id), request.name());
    }

    /** Deletes the team with its projects and their links; molecules and mixtures stay with their owners. */
    @DELETE
    @Path("/{id}")
    public Uni<RestResponse<Void>> delete(@RestPath String id) {
        return teams.deleteTeam(Caller.of(token), RequestParams.id("id", id)).map(ignored -> RestResponse.noContent());
    }

    @GET
    @Path("/{id}/members")
    public Uni<List<Member>> members(@RestPath String id) {
        return teams.members(Caller.of(token), RequestParams.id("id", id));
    }

    /** Adds a member, or changes the role of one already there. */
    @POST
    @Path("/{id}/members")
    public Uni<RestResponse<List<Member>>> addMember(@RestPath String id, @Valid @NotNull NewMember member) {
        return teams.putMember(Caller.of(token), RequestParams.id("id", id), member.userId(), member.role())
                .map(members -> RestResponse.status(RestResponse.Status.CREATED, members));
    }

    @DELETE
    @Path("/{id}/members/{userId}")
    public Uni<RestResponse<Void>> removeMember(@RestPath String id, @RestPath String userId) {
        return teams.removeMember(Caller.of(token), RequestParams.id("id", id), RequestParams.id("user_id", userId))
                .map(ignored -> RestResponse.noContent());
    }
}
