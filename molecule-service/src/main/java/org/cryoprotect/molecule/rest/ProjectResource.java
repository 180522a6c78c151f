package org.cryoprotect.molecule.rest;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.cryoprotect.common.security.Caller;
import org.cryoprotect.molecule.model.MixtureLink;
import org.cryoprotect.molecule.model.Molecule;
import org.cryoprotect.molecule.model.MoleculeLink;
import org.cryoprotect.molecule.model.NewProject;
import org.cryoprotect.molecule.model.Page;
import org.cryoprotect.molecule.model.Project;
import org.cryoprotect.molecule.repository.Cursor;
import org.cryoprotect.molecule.service.TeamService;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

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

    @POST
    @Path("/{id}/molecules")
    public Uni<RestResponse<Void>> addMolecule(@RestPath String id, @Valid @NotNull MoleculeLink link) {
        return teams.linkMolecule(Caller.of(token), RequestParams.id("id", id), link.moleculeId())
                .map(ignored -> RestResponse.status(RestResponse.Status.CREATED));
    }

    @GET
    @Path("/{id}/molecules")
    public Uni<Page<Molecule>> molecules(@RestPath String id, @RestQuery String limit, @RestQuery String cursor) {
        return teams.projectMolecules(Caller.of(token), RequestParams.id("id", id), params.limit(limit), Cursor.decode(cursor));
    }

    @POST
    @Path("/{id}/mixtures")
    public Uni<RestResponse<Void>> addMixture(@RestPath String id, @Valid @NotNull MixtureLink link) {
        return teams.linkMixture(Caller.of(token), RequestParams.id("id", id), link.mixtureId())
                .map(ignored -> RestResponse.status(RestResponse.Status.CREATED));
    }
}
