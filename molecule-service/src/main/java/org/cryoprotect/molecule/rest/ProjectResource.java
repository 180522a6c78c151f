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
import org.cryoprotect.molecule.model.Linked;
import org.cryoprotect.molecule.model.MixtureLink;
import org.cryoprotect.molecule.model.MoleculeLink;
import org.cryoprotect.molecule.model.NewProject;
import org.cryoprotect.molecule.model.MoleculePage;
import org.cryoprotect.molecule.model.Project;
import org.cryoprotect.molecule.model.ProjectPatch;
import org.cryoprotect.molecule.repository.Cursor;
import org.cryoprotect.molecule.service.TeamService;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;

@Path("/api/projects")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProjectResource {

    private final TeamService teams;
    private final RequestParams params;
    private final JsonWebToken token;

    public ProjectResource(TeamService teams, RequestParams params, JsonWebToken token) {
        this.teams = teams;
        this.params = params;
        this.token = token;
    }

    @POST
    public Uni<RestResponse<Project>> create(@Valid @NotNull NewProject request) {
        return teams.createProject(Caller.of(token), request.teamId(), request.name(), request.description())
                .map(p -> RestResponse.status(RestResponse.Status.CREATED, p));
    }

    @GET
    public Uni<List<Project>> mine() {
        return teams.projects(Caller.of(token));
    }

    @GET
    @Path("/{id}")
    public Uni<Project> get(@RestPath String id) {
        return teams.project(Caller.of(token), RequestParams.id("id", id));
    }

    @PATCH
    @Path("/{id}")
    public Uni<Project> update(@RestPath String id, @Valid @NotNull ProjectPatch patch) {
        return teams.updateProject(Caller.of(token), RequestParams.id("id", id), patch.name(), patch.description());
    }

    @DELETE
    @Path("/{id}")
    public Uni<RestResponse<Void>> delete(@RestPath String id) {
        return teams.deleteProject(Caller.of(token), RequestParams.id("id", id)).map(ignored -> RestResponse.noContent());
    }

    @DELETE
    @Path("/{id}/molecules/{moleculeId}")
    public Uni<RestResponse<Void>> removeMolecule(@RestPath String id, @RestPath String moleculeId) {
        return teams.unlinkMolecule(Caller.of(token), RequestParams.id("id", id), RequestParams.id("molecule_id", moleculeId))
                .map(ignored -> RestResponse.noContent());
    }

    @DELETE
    @Path("/{id}/mixtures/{mixtureId}")
    public Uni<RestResponse<Void>> removeMixture(@RestPath String id, @RestPath String mixtureId) {
        return teams.unlinkMixture(Caller.of(token), RequestParams.id("id", id), RequestParams.id("mixture_id", mixtureId))
                .map(ignored -> RestResponse.noContent());
    }

    @POST
    @Path("/{id}/molecules")
    public Uni<RestResponse<Linked>> addMolecule(@RestPath String id, @Valid @NotNull MoleculeLink link) {
        return teams.linkMolecule(Caller.of(token), RequestParams.id("id", id), link.moleculeId())
                .map(linked -> RestResponse.status(RestResponse.Status.CREATED, linked));
    }

    @GET
    @Path("/{id}/molecules")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MoleculePage.class)))
    public Uni<RestResponse<Buffer>> molecules(@RestPath String id, @RestQuery String limit, @RestQuery String cursor) {
        return teams.projectMolecules(Caller.of(token), RequestParams.id("id", id), params.limit(limit), Cursor.decode(cursor))
                .map(page -> RestResponse.ok(page.toJson(), MediaType.APPLICATION_JSON_TYPE));
    }

    @POST
    @Path("/{id}/mixtures")
    public Uni<RestResponse<Linked>> addMixture(@RestPath String id, @Valid @NotNull MixtureLink link) {
        return teams.linkMixture(Caller.of(token), RequestParams.id("id", id), link.mixtureId())
                .map(linked -> RestResponse.status(RestResponse.Status.CREATED, linked));
    }
}
