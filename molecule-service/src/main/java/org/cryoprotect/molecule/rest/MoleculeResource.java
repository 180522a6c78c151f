package org.cryoprotect.molecule.rest;

import java.net.URI;
import java.util.List;
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

import org.cryoprotect.common.security.Caller;
import org.cryoprotect.molecule.exchange.FileFormat;
import org.cryoprotect.molecule.model.BatchRequest;
import org.cryoprotect.molecule.model.BatchResponse;
import org.cryoprotect.molecule.model.Molecule;
import org.cryoprotect.molecule.model.MoleculePatch;
import org.cryoprotect.molecule.model.MoleculePermissions;
import org.cryoprotect.molecule.model.MoleculeSearch;
import org.cryoprotect.molecule.model.NewMolecule;
import org.cryoprotect.molecule.model.MoleculePage;
import org.cryoprotect.molecule.model.Page;
import org.cryoprotect.molecule.model.Toxicity;
import org.cryoprotect.molecule.model.ToxicityInput;
import org.cryoprotect.molecule.repository.Cursor;
import org.cryoprotect.molecule.service.BatchUpsertService;
import org.cryoprotect.molecule.service.Depiction;
import org.cryoprotect.molecule.service.MoleculeConfig;
import org.cryoprotect.molecule.service.MoleculeExportService;
import org.cryoprotect.molecule.service.MoleculeService;
import org.cryoprotect.molecule.service.ToxicityService;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestMulti;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;

@Path("/api/molecules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MoleculeResource {

    private final MoleculeService molecules;
    private final BatchUpsertService batches;
    private final MoleculeExportService exports;
    private final ToxicityService toxicity;
    private final RequestParams params;
    private final JsonWebToken token;
    private final String publicDepictionCaching;

    public MoleculeResource(MoleculeService molecules, BatchUpsertService batches, MoleculeExportService exports,
            ToxicityService toxicity, RequestParams params, JsonWebToken token, MoleculeConfig config) {
        this.exports = exports;
        this.publicDepictionCaching = "public, max-age=" + config.depictionMaxAge().toSeconds();
        this.molecules = molecules;
        this.batches = batches;
        this.toxicity = toxicity;
        this.params = params;
        this.token = token;
    }

    @GET
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MoleculePage.class)))
    public Uni<RestResponse<Buffer>> search(@RestQuery String q, @RestQuery String formula, @RestQuery String inchikey,
            @RestQuery("mw_min") String mwMin, @RestQuery("mw_max") String mwMax,
            @RestQuery("logp_min") String logpMin, @RestQuery("logp_max") String logpMax,
            @RestQuery("tpsa_max") String tpsaMax, @RestQuery("project_id") String projectId,
            @RestQuery("parent_inchikey") String parentInchikey, @RestQuery String exact, @RestQuery String substructure,
            @RestQuery("similar_to") String similarTo, @RestQuery("min_similarity") String minSimilarity,
            @RestQuery String limit, @RestQuery String cursor) {
        MoleculeSearch search = RequestParams.moleculeSearch(q, formula, inchikey, mwMin, mwMax, logpMin, logpMax, tpsaMax,
                projectId, parentInchikey, exact, substructure, similarTo, minSimilarity);
        return molecules.search(caller(), search, params.limit(limit), Cursor.decode(cursor))
                .map(page -> RestResponse.ok(page.toJson(), MediaType.APPLICATION_JSON_TYPE));
    }

    /**
     * Every molecule the search matches (all pages, the filters of the JSON search) as an SD file:
     * format=sdf or Accept: chemical/x-mdl-sdfile ({@link ExportNegotiation} sends the request here).
     */
    @GET
    @Produces(FileFormat.SDF_TYPE)
    public RestMulti<String> exportSdf(UriInfo uri) {
        return export(uri, FileFormat.SDF);
    }

    /** As {@link #exportSdf} as CSV: format=csv or Accept: text/csv. */
    @GET
    @Produces(FileFormat.CSV_TYPE)
    public RestMulti<String> exportCsv(UriInfo uri) {
        return export(uri, FileFormat.CSV);
    }

    private RestMulti<String> export(UriInfo uri, FileFormat format) {
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        MoleculeSearch search = RequestParams.moleculeSearch(query.getFirst("q"), query.getFirst("formula"),
                query.getFirst("inchikey"), query.getFirst("mw_min"), query.getFirst("mw_max"), query.getFirst("logp_min"),
                query.getFirst("logp_max"), query.getFirst("tpsa_max"), query.getFirst("project_id"),
                query.getFirst("parent_inchikey"), query.getFirst("exact"), query.getFirst("substructure"),
                query.getFirst("similar_to"), query.getFirst("min_similarity"));
        String type = format.mediaType() + "; charset=UTF-8" + (format == FileFormat.CSV ? "; header=present" : "");
        return RestMulti.fromUniResponse(exports.export(caller(), search, format), body -> body,
                body -> Map.of("Content-Type", List.of(type),
                        "Content-Disposition", List.of("attachment; filename=\"molecules." + format.extension() + "\"")));
    }

    @POST
    @Authenticated
    public Uni<RestResponse<Molecule>> create(@Valid @NotNull NewMolecule request) {
        return molecules.create(caller(), request).map(created -> created.isNew()
                ? RestResponse.ResponseBuilder.<Molecule>created(URI.create("/api/molecules/" + created.value().id()))
                        .entity(created.value()).build()
                : RestResponse.ok(created.value()));
    }

    @GET
    @Path("/{id}")
    public Uni<Molecule> get(@RestPath String id) {
        return molecules.get(caller(), RequestParams.id("id", id));
    }

    /** What the caller may do with the molecule: which controls a user interface offers. */
    @GET
    @Path("/{id}/permissions")
    public Uni<MoleculePermissions> permissions(@RestPath String id) {
        return molecules.permissions(caller(), RequestParams.id("id", id));
    }

    @PATCH
    @Path("/{id}")
    @Authenticated
    public Uni<Molecule> update(@RestPath String id, @Valid @NotNull MoleculePatch patch) {
        return molecules.update(caller(), RequestParams.id("id", id), patch);
    }

    @DELETE
    @Path("/{id}")
    @Authenticated
    public Uni<RestResponse<Void>> delete(@RestPath String id) {
        return molecules.delete(caller(), RequestParams.id("id", id)).map(ignored -> RestResponse.noContent());
    }

    @GET
    @Path("/{id}/depiction.svg")
    @Produces("image/svg+xml")
    public Uni<RestResponse<String>> depiction(@RestPath String id, @RestHeader("If-None-Match") String ifNoneMatch) {
        return molecules.depiction(caller(), RequestParams.id("id", id), ifNoneMatch).map(this::cached);
    }

    private RestResponse<String> cached(Depiction depiction) {
        RestResponse.ResponseBuilder<String> response = depiction.notModified()
                ? RestResponse.ResponseBuilder.create(RestResponse.Status.NOT_MODIFIED)
                : RestResponse.ResponseBuilder.ok(depiction.svg(), "image/svg+xml");
        return response.header("ETag", depiction.etag())
                .header("Cache-Control", depiction.isPublic() ? publicDepictionCaching : "private, no-cache")
                .build();
    }

    @GET
    @Path("/{id}/toxicity")
    public Uni<Page<Toxicity>> toxicity(@RestPath String id, @RestQuery String limit, @RestQuery String cursor) {
        return toxicity.forMolecule(caller(), RequestParams.id("id", id), params.limit(limit), Cursor.decode(cursor));
    }

    @POST
    @Path("/{id}/toxicity")
    @Authenticated
    public Uni<RestResponse<Toxicity>> addToxicity(@RestPath String id, @Valid @NotNull ToxicityInput measurement) {
        return toxicity.add(caller(), RequestParams.id("id", id), measurement)
                .map(t -> RestResponse.status(RestResponse.Status.CREATED, t));
    }

    /** Service clients only: up to 1000 records, idempotent, with a result per record. */
    @POST
    @Path("/batch")
    @Authenticated
    public Uni<BatchResponse> batch(@Valid @NotNull BatchRequest request) {
        return batches.upsert(caller(), request.records()).map(BatchResponse::new);
    }

    private Caller caller() {
        return Caller.of(token);
    }
}
