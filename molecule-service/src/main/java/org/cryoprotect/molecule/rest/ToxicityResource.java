package org.cryoprotect.molecule.rest;

import java.util.List;
import java.util.Locale;
import java.util.Map;

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
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;

import org.cryoprotect.common.problem.ProblemException;
import org.cryoprotect.common.security.Caller;
import org.cryoprotect.molecule.exchange.FileFormat;
import org.cryoprotect.molecule.model.MoleculeSearch;
import org.cryoprotect.molecule.model.Page;
import org.cryoprotect.molecule.model.RankingPage;
import org.cryoprotect.molecule.model.Toxicity;
import org.cryoprotect.molecule.model.ToxicityBatchRequest;
import org.cryoprotect.molecule.model.ToxicityBatchResponse;
import org.cryoprotect.molecule.model.ToxicityPatch;
import org.cryoprotect.molecule.model.ToxicityRanking;
import org.cryoprotect.molecule.model.ToxicitySearch;
import org.cryoprotect.molecule.model.ToxicitySummary;
import org.cryoprotect.molecule.repository.Cursor;
import org.cryoprotect.molecule.service.ToxicityBatchService;
import org.cryoprotect.molecule.service.ToxicityExportService;
import org.cryoprotect.molecule.service.ToxicityService;
import org.cryoprotect.molecule.service.ToxicityTerms;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestMulti;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import io.vertx.core.buffer.Buffer;
import io.quarkus.security.Authenticated;

import io.smallrye.mutiny.Uni;

@Path("/api/toxicity")
@Produces(MediaType.APPLICATION_JSON)
public class ToxicityResource {

    private final ToxicityService toxicity;
    private final ToxicityBatchService batches;
    private final ToxicityExportService exports;
    private final RequestParams params;
    private final JsonWebToken token;

    public ToxicityResource(ToxicityService toxicity, ToxicityBatchService batches, ToxicityExportService exports,
            RequestParams params, JsonWebToken token) {
        this.exports = exports;
        this.toxicity = toxicity;
        this.batches = batches;
        this.params = params;
        this.token = token;
    }

    /** {@code max_value} compares the normalized value (mg/kg for doses, µM for concentrations). */
    @GET
    public Uni<Page<Toxicity>> search(@RestQuery String endpoint, @RestQuery String species, @RestQuery String route,
            @RestQuery("max_value") String maxValue, @RestQuery("molecule_id") String moleculeId, @RestQuery String source,
            @RestQuery String parsed, @RestQuery String limit, @RestQuery String cursor) {
        ToxicitySearch search = toxicitySearch(endpoint, species, route, maxValue, moleculeId, source, parsed);
        return toxicity.search(Caller.of(token), search, params.limit(limit), Cursor.decode(cursor));
    }

    /** Every measurement the search matches (all pages) as CSV: format=csv or Accept: text/csv. */
    @GET
    @Produces(FileFormat.CSV_TYPE)
    public RestMulti<String> exportCsv(UriInfo uri) {
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        ToxicitySearch search = toxicitySearch(query.getFirst("endpoint"), query.getFirst("species"), query.getFirst("route"),
                query.getFirst("max_value"), query.getFirst("molecule_id"), query.getFirst("source"), query.getFirst("parsed"));
        return RestMulti.fromUniResponse(exports.csv(Caller.of(token), search), body -> body,
                body -> Map.of("Content-Type", List.of(FileFormat.CSV_TYPE + "; charset=UTF-8; header=present"),
                        "Content-Disposition", List.of("attachment; filename=\"toxicity.csv\"")));
    }

    private static ToxicitySearch toxicitySearch(String endpoint, String species, String route, String maxValue,
            String moleculeId, String source, String parsed) {
        return new ToxicitySearch(RequestParams.optionalId("molecule_id", moleculeId),
                ToxicityTerms.endpoint(RequestParams.text("endpoint", endpoint)),
                ToxicityTerms.species(RequestParams.text("species", species)),
                ToxicityTerms.route(RequestParams.text("route", route)), RequestParams.number("max_value", maxValue),
                RequestParams.text("source", source), RequestParams.bool("parsed", parsed));
    }

    @GET
    @Path("/summary")
    public Uni<ToxicitySummary> summary(@RestQuery("molecule_id") String moleculeId) {
        return toxicity.summary(Caller.of(token), RequestParams.id("molecule_id", moleculeId));
    }

    /**
     * Molecules ranked by a statistic of one endpoint's normalized values (species and route default to
     * all), combined with the molecule filters of GET /api/molecules; keyset-paginated.
     */
    @GET
    @Path("/ranking")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RankingPage.class)))
    public Uni<RestResponse<Buffer>> ranking(@RestQuery String endpoint, @RestQuery String species, @RestQuery String route,
            @RestQuery String unit, @RestQuery("stat") String statistic, @RestQuery String order,
            @RestQuery String q, @RestQuery String formula, @RestQuery String inchikey,
            @RestQuery("mw_min") String mwMin, @RestQuery("mw_max") String mwMax,
            @RestQuery("logp_min") String logpMin, @RestQuery("logp_max") String logpMax,
            @RestQuery("tpsa_max") String tpsaMax, @RestQuery("project_id") String projectId,
            @RestQuery String limit, @RestQuery String cursor) {
        String canonical = ToxicityTerms.endpoint(RequestParams.text("endpoint", endpoint));
        if (canonical == null) {
            throw ProblemException.invalidField("endpoint", "is required (LD50, LC50, IC50, ...)");
        }
        ToxicityRanking ranking = new ToxicityRanking(canonical, ToxicityTerms.species(RequestParams.text("species", species)),
                ToxicityTerms.route(RequestParams.text("route", route)), unit(canonical, RequestParams.text("unit", unit)),
                statistic(RequestParams.text("stat", statistic)), descending(RequestParams.text("order", order)));
        MoleculeSearch filters = RequestParams.moleculeSearch(q, formula, inchikey, mwMin, mwMax, logpMin, logpMax, tpsaMax,
                projectId);
        return toxicity.rank(Caller.of(token), ranking, filters, params.limit(limit), Cursor.decode(cursor))
                .map(page -> RestResponse.ok(page.toJson(), MediaType.APPLICATION_JSON_TYPE));
    }

    /** Service clients only: up to 1000 imported measurements, idempotent, with a result per measurement. */
    @POST
    @Path("/batch")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<ToxicityBatchResponse> batch(@Valid @NotNull ToxicityBatchRequest request) {
        return batches.upsert(Caller.of(token), request.measurements()).map(ToxicityBatchResponse::new);
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

    private static String unit(String endpoint, String given) {
        if (given == null) {
            return ToxicityTerms.defaultUnit(endpoint).orElseThrow(() -> ProblemException.invalidField("unit",
                    "is required for endpoint " + endpoint + ": " + ToxicityTerms.DOSE_UNIT + " or " + ToxicityTerms.CONCENTRATION_UNIT));
        }
        return ToxicityTerms.normalizedUnit(given).orElseThrow(() -> ProblemException.invalidField("unit",
                "must be a normalized unit: " + ToxicityTerms.DOSE_UNIT + " or " + ToxicityTerms.CONCENTRATION_UNIT));
    }

    private static ToxicityRanking.Statistic statistic(String given) {
        if (given == null) {
            return ToxicityRanking.Statistic.MEDIAN;
        }
        try {
            return ToxicityRanking.Statistic.valueOf(given.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("stat", "must be min, median or max");
        }
    }

    private static boolean descending(String given) {
        if (given == null || "desc".equalsIgnoreCase(given)) {
            return true;
        }
        if ("asc".equalsIgnoreCase(given)) {
            return false;
        }
        throw ProblemException.invalidField("order", "must be asc or desc");
    }
}
