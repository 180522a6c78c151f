package org.cryoprotect.molecule.rest;

import java.net.URI;

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
import org.cryoprotect.molecule.model.Mixture;
import org.cryoprotect.molecule.model.MixturePatch;
import org.cryoprotect.molecule.model.NewMixture;
import org.cryoprotect.molecule.model.Page;
import org.cryoprotect.molecule.repository.Cursor;
import org.cryoprotect.molecule.service.MixtureService;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

@Path("/api/mixtures")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MixtureResource {

    private final MixtureService mixtures;
    private final RequestParams params;
    private final JsonWebToken token;

    public MixtureResource(MixtureService mixtures, RequestParams params, JsonWebToken token) {
        this.mixtures = mixtures;
        this.params = params;
        this.token = token;
    }

    @GET
    public Uni<Page<Mixture>> list(@RestQuery String q, @RestQuery String limit, @RestQuery String cursor) {
        return mixtures.list(Caller.of(token), RequestParams.text("q", q), params.limit(limit), Cursor.decode(cursor));
    }

    @POST
    @Authenticated
    public Uni<RestResponse<Mixture>> create(@Valid @NotNull NewMixture request) {
        return mixtures.create(Caller.of(token), request).map(m -> RestResponse.ResponseBuilder
                .<Mixture>created(URI.create("/api/mixtures/" + m.id())).entity(m).build());
    }

    @GET
    @Path("/{id}")
    public Uni<Mixture> get(@RestPath String id) {
        return mixtures.get(Caller.of(token), RequestParams.id("id", id));
    }

    @PATCH
    @Path("/{id}")
    @Authenticated
    public Uni<Mixture> update(@RestPath String id, @Valid @NotNull MixturePatch patch) {
        return mixtures.update(Caller.of(token), RequestParams.id("id", id), patch);
    }

    @DELETE
    @Path("/{id}")
    @Authenticated
    public Uni<RestResponse<Void>> delete(@RestPath String id) {
        return mixtures.delete(Caller.of(token), RequestParams.id("id", id)).map(ignored -> RestResponse.noContent());
    }
}
