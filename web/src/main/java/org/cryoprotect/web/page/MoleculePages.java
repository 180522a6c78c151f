package org.cryoprotect.web.page;

import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.cryoprotect.web.model.Molecule;
import org.cryoprotect.web.model.MoleculePage;
import org.cryoprotect.web.model.Permissions;
import org.cryoprotect.web.model.Project;
import org.cryoprotect.web.remote.FileDownload;
import org.cryoprotect.web.remote.MoleculeService;
import org.cryoprotect.web.remote.RemoteProblem;
import org.cryoprotect.web.remote.RemoteUnavailable;
import org.cryoprotect.web.session.CurrentRequest;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestMulti;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;

/** Molecule search, results, export, the molecule page, and registering and editing molecules. */
@Path("/molecules")
@Produces(MediaType.TEXT_HTML)
public class MoleculePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance search(SearchForm form, MoleculePage page, List<Project> projects, String error);

        static native TemplateInstance molecule(MoleculeView view);

        static native TemplateInstance register(String name, String smiles, String synonyms, String error);

        static native TemplateInstance edit(Molecule molecule, String name, String synonyms, String error);

        static native TemplateInstance notFound(String detail);
    }

    private final MoleculeService molecules;
    private final CurrentRequest current;

    public MoleculePages(MoleculeService molecules, CurrentRequest current) {
        this.molecules = molecules;
        this.current = current;
    }

    @GET
    public Uni<Response> search(@RestQuery String q, @RestQuery String formula, @RestQuery("mw_min") String mwMin,
            @RestQuery("mw_max") String mwMax, @RestQuery("logp_min") String logpMin, @RestQuery("logp_max") String logpMax,
            @RestQuery("tpsa_max") String tpsaMax, @RestQuery("project_id") String projectId, @RestQuery String mode,
            @RestQuery String smiles, @RestQuery("min_similarity") String minSimilarity, @RestQuery String limit,
            @RestQuery String cursor) {
        SearchForm form = new SearchForm(q, formula, mwMin, mwMax, logpMin, logpMax, tpsaMax, projectId, mode, smiles,
                minSimilarity, limit, cursor);
        String token = current.accessToken();
        Uni<List<Project>> projects = molecules.projects(token).onFailure().recoverWithItem(List.of());
        return Uni.combine().all().unis(molecules.search(token, form.apiQuery()), projects).asTuple()
                .map(both -> AuthResource.page(200, Templates.search(form, both.getItem1(), both.getItem2(), null)))
                .onFailure(RemoteProblem.class).recoverWithUni(e -> projects.map(p -> AuthResource.page(((RemoteProblem) e).status(),
                        Templates.search(form, null, p, e.getMessage()))))
                .onFailure(RemoteUnavailable.class).recoverWithItem(e -> AuthResource.page(503,
                        Templates.search(form, null, List.of(), "The molecule service is not answering; try again in a moment.")));
    }

    /** Every matching row as SDF or CSV, streamed from molecule-service as it arrives. */
    @GET
    @Path("export")
    @Produces(MediaType.APPLICATION_OCTET_STREAM) // the Content-Type header is molecule-service's
    public RestMulti<Buffer> export(@RestQuery String format, UriInfo uri) {
        String type = "csv".equals(format) ? "csv" : "sdf";
        Map<String, String> filters = new LinkedHashMap<>();
        uri.getQueryParameters().forEach((name, values) -> filters.put(name, values.get(0)));
        SearchForm form = new SearchForm(filters.get("q"), filters.get("formula"), filters.get("mw_min"), filters.get("mw_max"),
                filters.get("logp_min"), filters.get("logp_max"), filters.get("tpsa_max"), filters.get("project_id"),
                filters.get("mode"), filters.get("smiles"), filters.get("min_similarity"), null, null);
        Map<String, String> query = form.apiFilters();
        query.put("format", type);
        Uni<FileDownload> download = molecules.export(current.accessToken(), SearchForm.encode(query))
                .onFailure(RemoteProblem.class).recoverWithItem(e -> refusedDownload(((RemoteProblem) e).status(), e.getMessage()))
                .onFailure(RemoteUnavailable.class).recoverWithItem(e -> refusedDownload(503,
                        "The molecule service is not answering; try the export again in a moment."));
        return RestMulti.fromUniResponse(download, FileDownload::body, d -> {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            d.headers().forEach((k, v) -> headers.put(k, List.of(v)));
            headers.putIfAbsent("Content-Disposition", List.of("attachment; filename=\"molecules." + type + "\""));
            headers.put("Cache-Control", List.of("no-store"));
            return headers;
        }, FileDownload::status);
    }

    private static FileDownload refusedDownload(int status, String reason) {
        return new FileDownload(status, Map.of("Content-Type", "text/plain; charset=utf-8", "Content-Disposition", "inline"),
                Multi.createFrom().item(Buffer.buffer("Export refused: " + reason + "\n")));
    }

    @GET
    @Path("new")
    public TemplateInstance registerForm() {
        current.requireSession();
        return Templates.register("", "", "", null);
    }

    @POST
    @Path("new")
    public Uni<Response> register(@RestForm String name, @RestForm String smiles, @RestForm String synonyms) {
        String token = current.requireSession().accessToken();
        if (blank(name) || blank(smiles)) {
            return Uni.createFrom().item(AuthResource.page(400, Templates.register(text(name), text(smiles), text(synonyms),
                    "A name and a structure (draw it or paste SMILES) are both needed.")));
        }
        return molecules.create(token, name.trim(), smiles.trim(), lines(synonyms))
                .map(created -> Response.seeOther(URI.create("/molecules/" + created.id() + "?notice=registered")).build())
                .onFailure(RemoteProblem.class).recoverWithItem(e -> AuthResource.page(((RemoteProblem) e).status(),
                        Templates.register(name, smiles, text(synonyms), e.getMessage())))
                .onFailure(RemoteUnavailable.class).recoverWithItem(e -> AuthResource.page(503,
                        Templates.register(name, smiles, text(synonyms), "The molecule service is not answering; nothing was registered.")));
    }

    @GET
    @Path("{id}")
    public Uni<Response> molecule(@RestPath String id, @RestQuery String notice) {
        UUID moleculeId = uuid(id);
        if (moleculeId == null) {
            return Uni.createFrom().item(AuthResource.page(404, Templates.notFound("No molecule has the id " + id + ".")));
        }
        return view(moleculeId).map(view -> AuthResource.page(200, Templates.molecule(view.withMessages(null, noticeText(notice)))))
                .onFailure(RemoteProblem.class).recoverWithItem(e -> AuthResource.page(((RemoteProblem) e).status(),
                        Templates.notFound(e.getMessage())));
    }

    private Uni<MoleculeView> view(UUID id) {
        String token = current.accessToken();
        return molecules.get(token, id).chain(molecule -> Uni.combine().all().unis(
                molecules.permissions(token, id).onFailure().recoverWithItem(Permissions.NONE),
                molecules.toxicity(token, id),
                molecules.mixturesUsing(token, id).onFailure(RemoteUnavailable.class).recoverWithItem(List.of()),
                molecules.projectsHolding(token, id).onFailure(RemoteUnavailable.class).recoverWithItem(List.of()))
                .asTuple().map(t -> new MoleculeView(molecule, t.getItem1(), t.getItem2().items(), ToxicityChart.of(t.getItem2().items()),
                        t.getItem3(), t.getItem4(), null, null)));
    }

    /** The drawing, fetched with the user's token (a private molecule's drawing is private too). */
    @GET
    @Path("{id}/depiction.svg")
    @Produces("image/svg+xml")
    public Uni<Response> depiction(@RestPath String id, @RestHeader("If-None-Match") String ifNoneMatch) {
        UUID moleculeId = uuid(id);
        if (moleculeId == null) {
            return Uni.createFrom().item(Response.status(404).build());
        }
        return molecules.depiction(current.accessToken(), moleculeId, ifNoneMatch).map(d -> {
            Response.ResponseBuilder response = d.status() == 304 ? Response.notModified() : Response.ok(d.svg(), "image/svg+xml");
            if (d.etag() != null) {
                response.header("ETag", d.etag());
            }
            // a public drawing may be cached anywhere; anything else only by this browser, revalidated
            boolean isPublic = d.cacheControl() != null && d.cacheControl().startsWith("public");
            return response.header("Cache-Control", isPublic ? d.cacheControl() : "private, no-cache")
                    .header("Vary", "Cookie").build();
        }).onFailure(RemoteProblem.class).recoverWithItem(e -> Response.status(((RemoteProblem) e).status()).build());
    }

    @GET
    @Path("{id}/edit")
    public Uni<Response> editForm(@RestPath String id) {
        String token = current.requireSession().accessToken();
        UUID moleculeId = uuid(id);
        if (moleculeId == null) {
            return Uni.createFrom().item(AuthResource.page(404, Templates.notFound("No molecule has the id " + id + ".")));
        }
        return molecules.get(token, moleculeId)
                .map(m -> AuthResource.page(200, Templates.edit(m, m.name(), String.join("\n", m.synonymList()), null)))
                .onFailure(RemoteProblem.class).recoverWithItem(e -> AuthResource.page(((RemoteProblem) e).status(),
                        Templates.notFound(e.getMessage())));
    }

    @POST
    @Path("{id}/edit")
    public Uni<Response> edit(@RestPath String id, @RestForm String name, @RestForm String synonyms) {
        String token = current.requireSession().accessToken();
        UUID moleculeId = uuid(id);
        if (moleculeId == null) {
            return Uni.createFrom().item(AuthResource.page(404, Templates.notFound("No molecule has the id " + id + ".")));
        }
        Map<String, Object> patch = new LinkedHashMap<>();
        if (!blank(name)) {
            patch.put("name", name.trim());
        }
        patch.put("synonyms", lines(synonyms));
        return molecules.update(token, moleculeId, patch)
                .map(saved -> Response.seeOther(URI.create("/molecules/" + moleculeId + "?notice=saved")).build())
                .onFailure(RemoteProblem.class).recoverWithUni(e -> molecules.get(token, moleculeId)
                        .map(m -> AuthResource.page(((RemoteProblem) e).status(), Templates.edit(m, text(name), text(synonyms), e.getMessage())))
                        .onFailure().recoverWithItem(AuthResource.page(((RemoteProblem) e).status(), Templates.notFound(e.getMessage()))));
    }

    /** Publish (is_public=true) or unpublish; a refusal is shown on the molecule page with the server's reason. */
    @POST
    @Path("{id}/publish")
    public Uni<Response> publish(@RestPath String id, @RestForm("is_public") String isPublic) {
        String token = current.requireSession().accessToken();
        UUID moleculeId = uuid(id);
        if (moleculeId == null) {
            return Uni.createFrom().item(AuthResource.page(404, Templates.notFound("No molecule has the id " + id + ".")));
        }
        boolean publish = !"false".equals(isPublic);
        return molecules.update(token, moleculeId, Map.of("is_public", publish))
                .map(saved -> Response.seeOther(URI.create("/molecules/" + moleculeId + "?notice=" + (publish ? "published" : "unpublished"))).build())
                .onFailure(RemoteProblem.class).recoverWithUni(e -> view(moleculeId)
                        .map(view -> AuthResource.page(((RemoteProblem) e).status(), Templates.molecule(view.withMessages(e.getMessage(), null))))
                        .onFailure().recoverWithItem(AuthResource.page(((RemoteProblem) e).status(), Templates.notFound(e.getMessage()))));
    }

    private static String noticeText(String notice) {
        if (notice == null) {
            return null;
        }
        return switch (notice) {
            case "registered" -> "Registered.";
            case "saved" -> "Saved.";
            case "published" -> "Published: everyone can see it now.";
            case "unpublished" -> "Unpublished: it is private again.";
            default -> null;
        };
    }

    private static UUID uuid(String id) {
        try {
            UUID parsed = UUID.fromString(id);
            return parsed.toString().equalsIgnoreCase(id) ? parsed : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

}
