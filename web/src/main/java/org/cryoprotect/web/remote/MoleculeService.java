package org.cryoprotect.web.remote;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cryoprotect.common.observability.RequestIds;
import org.cryoprotect.web.WebConfig;
import org.cryoprotect.web.model.Mixture;
import org.cryoprotect.web.model.MixturePage;
import org.cryoprotect.web.model.Molecule;
import org.cryoprotect.web.model.MoleculePage;
import org.cryoprotect.web.model.Permissions;
import org.cryoprotect.web.model.Project;
import org.cryoprotect.web.model.ToxicityPage;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.core.http.HttpClientResponse;

/** molecule-service as the signed-in user sees it; every call carries the user's bearer token (none: anonymous). */
@ApplicationScoped
public class MoleculeService {

    private static final String NAME = "molecule-service";
    /** Substructure pages have a 2 s budget of their own. */
    private static final Duration SEARCH_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    /** How far the molecule page looks for mixtures and projects that hold the molecule. */
    static final int SCAN_LIMIT = 500;

    private final MoleculeApi api;
    private final HttpClient files;
    private final URI base;
    private final CallPolicy search = CallPolicy.read("molecule-search", SEARCH_TIMEOUT);
    private final CallPolicy reads = CallPolicy.read("molecule-read", TIMEOUT);
    private final CallPolicy writes = CallPolicy.write("molecule-write", TIMEOUT);
    private final CallPolicy downloads = CallPolicy.read("molecule-export", TIMEOUT);

    public MoleculeService(WebConfig config, Vertx vertx) {
        this.base = URI.create(config.moleculeServiceUrl());
        this.api = QuarkusRestClientBuilder.newBuilder().baseUri(base).disableDefaultMapper(true).build(MoleculeApi.class);
        this.files = vertx.createHttpClient();
    }

    public Uni<MoleculePage> search(String token, Map<String, String> query) {
        return search.call(() -> Replies.send(NAME, api.search(Replies.bearer(token), query)))
                .map(response -> Replies.read(response, MoleculePage.class));
    }

    public Uni<Molecule> get(String token, UUID id) {
        return reads.call(() -> Replies.send(NAME, api.get(Replies.bearer(token), id.toString())))
                .map(response -> Replies.read(response, Molecule.class));
    }

    public Uni<Molecule> create(String token, String name, String smiles, List<String> synonyms) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("smiles", smiles);
        if (!synonyms.isEmpty()) {
            body.put("synonyms", synonyms);
        }
        return writes.call(() -> Replies.send(NAME, api.create(Replies.bearer(token), body)))
                .map(response -> Replies.read(response, Molecule.class));
    }

    /** Only the fields given change (molecule-service's PATCH). */
    public Uni<Molecule> update(String token, UUID id, Map<String, Object> patch) {
        return writes.call(() -> Replies.send(NAME, api.update(Replies.bearer(token), id.toString(), patch)))
                .map(response -> Replies.read(response, Molecule.class));
    }

    /** What the user may do with the molecule (molecule-service computes it under RLS); anonymous: nothing. */
    public Uni<Permissions> permissions(String token, UUID id) {
        if (token == null) {
            return Uni.createFrom().item(Permissions.NONE);
        }
        return reads.call(() -> Replies.send(NAME, api.permissions(Replies.bearer(token), id.toString())))
                .map(response -> Replies.read(response, Permissions.class));
    }

    public Uni<ToxicityPage> toxicity(String token, UUID id) {
        return reads.call(() -> Replies.send(NAME, api.toxicity(Replies.bearer(token), id.toString(), SCAN_LIMIT)))
                .map(response -> Replies.read(response, ToxicityPage.class));
    }

    public Uni<Depiction> depiction(String token, UUID id, String ifNoneMatch) {
        return reads.call(() -> Replies.send(NAME, api.depiction(Replies.bearer(token), id.toString(), ifNoneMatch)))
                .map(response -> {
                    try (response) {
                        String svg = response.getStatus() == 304 ? null : response.readEntity(String.class);
                        return new Depiction(response.getStatus(), svg, response.getHeaderString("ETag"),
                                response.getHeaderString("Cache-Control"));
                    }
                });
    }

    /** The visible mixtures (the first {@value #SCAN_LIMIT}) that have the molecule as a component. */
    public Uni<List<Mixture>> mixturesUsing(String token, UUID molecule) {
        return reads.call(() -> Replies.send(NAME, api.mixtures(Replies.bearer(token), SCAN_LIMIT, null)))
                .map(response -> Replies.read(response, MixturePage.class).items().stream()
                        .filter(m -> m.uses(molecule)).toList());
    }

    /** The user's projects (for the search's project filter); anonymous: none. */
    public Uni<List<Project>> projects(String token) {
        if (token == null) {
            return Uni.createFrom().item(List.of());
        }
        return reads.call(() -> Replies.send(NAME, api.projects(Replies.bearer(token))))
                .map(response -> List.of(Replies.read(response, Project[].class)));
    }

    /** The caller's projects whose molecule list holds the molecule (the first {@value #SCAN_LIMIT} of each). */
    public Uni<List<Project>> projectsHolding(String token, UUID molecule) {
        if (token == null) {
            return Uni.createFrom().item(List.of());
        }
        return projects(token).chain(projects -> {
                    if (projects.isEmpty()) {
                        return Uni.createFrom().item(List.<Project>of());
                    }
                    List<Uni<Project>> checks = new ArrayList<>();
                    for (Project project : projects) {
                        checks.add(reads.call(() -> Replies.send(NAME,
                                api.projectMolecules(Replies.bearer(token), project.id().toString(), SCAN_LIMIT)))
                                .map(response -> holds(Replies.read(response, JsonNode.class), molecule) ? project : null)
                                .onFailure(RemoteProblem.class).recoverWithNull());
                    }
                    return Uni.join().all(checks).andCollectFailures()
                            .map(found -> found.stream().filter(p -> p != null).toList());
                });
    }

    private static boolean holds(JsonNode page, UUID molecule) {
        for (JsonNode item : page.path("items")) {
            if (molecule.toString().equals(item.path("id").asText()) || molecule.toString().equals(item.path("molecule_id").asText())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Every row the search matches as SDF or CSV, streamed as molecule-service sends it: nothing is
     * buffered here, whatever the file's size.
     */
    public Uni<FileDownload> export(String token, String query) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET)
                .setAbsoluteURI(base.resolve("/api/molecules?" + query).toString());
        if (token != null) {
            options.addHeader("Authorization", Replies.bearer(token));
        }
        String requestId = RequestIds.current();
        if (requestId != null) {
            options.addHeader(RequestIds.HEADER, requestId);
        }
        return downloads.call(() -> files.request(options).chain(request -> request.send())
                .onFailure().transform(f -> new RemoteUnavailable("cannot reach " + NAME + ": " + f.getMessage()))
                .chain(response -> response.statusCode() >= 400 ? refusal(response) : Uni.createFrom().item(download(response))));
    }

    private static FileDownload download(HttpClientResponse response) {
        response.pause();
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : List.of("Content-Type", "Content-Disposition")) {
            String value = response.getHeader(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        Multi<io.vertx.mutiny.core.buffer.Buffer> body = response.toMulti();
        return new FileDownload(response.statusCode(), headers, body);
    }

    private static Uni<FileDownload> refusal(HttpClientResponse response) {
        return response.body().map(body -> {
            if (response.statusCode() >= 500) {
                throw new RemoteUnavailable(NAME + " answered " + response.statusCode());
            }
            throw Replies.problem(response.statusCode(), body.toString());
        });
    }


}
