package org.cryoprotect.molecule.rest;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.cryoprotect.common.security.Caller;
import org.cryoprotect.molecule.model.Page;
import org.cryoprotect.molecule.model.Toxicity;
import org.cryoprotect.molecule.model.ToxicitySearch;
import org.cryoprotect.molecule.model.ToxicityPatch;
import org.cryoprotect.molecule.model.ToxicitySummary;
import org.cryoprotect.molecule.repository.Cursor;
import org.cryoprotect.molecule.service.ToxicityService;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.security.Authenticated;

import io.smallrye.mutiny.Uni;

@Path("/api/toxicity")
@Produces(MediaType.APPLICATION_JSON)
public class ToxicityResource {

    private final ToxicityService toxicity;
    private final RequestParams params;
    private final JsonWebToken token;

    public ToxicityResource(ToxicityService toxicity, RequestParams params, JsonWebToken token) {
        this.toxicity = toxicity;
        this.params = params;
        this.token = token;
    }

    /** {@code max_value} compares the normalized value (mg/kg for doses, µM for concentrations). */
    @GET
    public Uni<Page<Toxicity>> search(@RestQuery String endpoint, @RestQuery String species, @RestQuery String route,
            @RestQuery("max_value") String maxValue, @RestQuery("molecule_id") String moleculeId,
            @RestQuery String limit, @RestQuery String cursor) {
        ToxicitySearch search = new ToxicitySearch(RequestParams.optionalId("molecule_id", moleculeId),
                RequestParams.text("endpoint", endpoint), RequestParams.text("species", species),
                RequestParams.text("route", route), RequestParams.number("max_value", maxValue));
        return toxicity.search(Caller.of(token), search, params.limit(limit), Cursor.decode(cursor));
    }

    @GET
    @Path("/summary")
    public Uni<List<ToxicitySummary>> summary(@RestQuery("molecule_id") String moleculeId) {
        return toxicity.summary(Caller.of(token), RequestParams.id("molecule_id", moleculeId));
    }

    @PATCH
    @Path("/{id}")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Toxicity> update(@RestPath String id, @Valid @NotNull ToxicityPatch patch) {
        return toxicity.update(Caller.of(token), RequestParams.id("id", id), patch);
    }

    @DELETE
    @Path("/{id}")
    @Authenticated
    public Uni<RestResponse<Void>> delete(@RestPath String id) {
        return toxicity.delete(Caller.of(token), RequestParams.id("id", id)).map(ignored -> RestResponse.noContent());
    }
}
