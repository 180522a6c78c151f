package org.cryoprotect.web.collab;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.cryoprotect.web.remote.Collaboration;
import org.cryoprotect.web.remote.RemoteProblem;
import org.cryoprotect.web.session.CurrentRequest;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/**
 * Projects: the molecules a team shares. Editors and owners rename projects and share or unlink
 * molecules, owners delete projects; viewers only read. Sharing a molecule of your own grants the
 * team's editors and owners the right to change it; linking someone else's (a registry entry, say)
 * is a reference that grants nothing (README, "Who may change what").
 */
@Path("/projects")
@Produces(MediaType.TEXT_HTML)
public class ProjectPages {

    public record ProjectRow(String id, String name, String teamId, String teamName) {
    }

    public record LinkedMolecule(String id, String name, String formula, boolean isPublic) {
    }

    public record ProjectView(String id, String name, String teamId, String teamName, String role, List<LinkedMolecule> molecules) {
        public boolean editor() {
            return "owner".equals(role) || "editor".equals(role);
        }

        public boolean owner() {
            return "owner".equals(role);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance projects(List<ProjectRow> projects, String notice, String error);

        static native TemplateInstance project(ProjectView project, String notice, String error);
    }

    private static final Map<String, String> NOTICES = Map.of(
            "created", "Project created.",
            "renamed", "Project renamed.",
            "shared", "Shared with the project: the team's editors and owners may now change it.",
            "reference", "Linked for reference: the team sees it only if it is public, and nobody gains rights on it.",
            "unlinked", "Removed from the project (the molecule itself is unchanged).",
            "deleted", "Project deleted; its molecules stay with their owners.");

    private final Collaboration collaboration;
    private final CurrentRequest current;

    public ProjectPages(Collaboration collaboration, CurrentRequest current) {
        this.collaboration = collaboration;
        this.current = current;
    }

    @GET
    public Uni<Response> projects(@RestQuery String notice) {
        String token = current.requireSession().accessToken();
        return projectsPage(token, notice(notice), null).map(p -> Html.page(200, p))
                .onFailure().recoverWithUni(e -> Html.refused(e, reason -> Uni.createFrom().item(Templates.projects(List.of(), null, reason))));
    }

    private Uni<TemplateInstance> projectsPage(String token, String notice, String error) {
        return Uni.combine().all().unis(collaboration.projects(token), collaboration.teams(token)).asTuple().map(both -> {
            Map<String, String> teamNames = new java.util.HashMap<>();
            Html.items(both.getItem2()).forEach(t -> teamNames.put(Html.text(t, "id"), Html.text(t, "name")));
            List<ProjectRow> rows = Html.items(both.getItem1()).stream()
                    .map(p -> new ProjectRow(Html.text(p, "id"), Html.text(p, "name"), Html.text(p, "team_id"),
                            teamNames.getOrDefault(Html.text(p, "team_id"), "")))
                    .sorted(java.util.Comparator.comparing(ProjectRow::teamName).thenComparing(ProjectRow::name)).toList();
            return Templates.projects(rows, notice, error);
        });
    }

    @GET
    @Path("{id}")
    public Uni<Response> project(@RestPath String id, @RestQuery String notice) {
        String token = current.requireSession().accessToken();
        return projectPage(token, id, notice(notice), null).map(p -> Html.page(200, p))
                .onFailure().recoverWithUni(e -> Html.refused(e, reason -> projectsPage(token, null, reason)));
    }

    private Uni<TemplateInstance> projectPage(String token, String id, String notice, String error) {
        String me = String.valueOf(current.userId());
        return collaboration.project(token, id).chain(project -> {
            String teamId = Html.text(project, "team_id");
            return Uni.combine().all().unis(collaboration.members(token, teamId), collaboration.teams(token),
                    collaboration.projectMolecules(token, id)).asTuple().map(all -> {
                        String role = Html.items(all.getItem1()).stream().filter(m -> me.equals(Html.text(m, "user_id")))
                                .map(m -> Html.text(m, "role")).findFirst().orElse("viewer");
                        String teamName = Html.items(all.getItem2()).stream().filter(t -> teamId.equals(Html.text(t, "id")))
                                .map(t -> Html.text(t, "name")).findFirst().orElse("");
                        List<LinkedMolecule> molecules = Html.items(all.getItem3()).stream()
                                .map(m -> new LinkedMolecule(Html.text(m, "id"), Html.text(m, "name"), Html.text(m, "formula"),
                                        m.path("is_public").asBoolean()))
                                .toList();
                        return Templates.project(new ProjectView(id, Html.text(project, "name"), teamId, teamName, role, molecules),
                                notice, error);
                    });
        });
    }

    /**
     * Shares a molecule, named by its id or its name (the caller's own first, then any visible one
     * whose name matches exactly, then the first match).
     */
    @POST
    @Path("{id}/molecules")
    public Uni<Response> share(@RestPath String id, @RestForm String molecule) {
        String token = current.requireSession().accessToken();
        if (Html.blank(molecule)) {
            return projectPage(token, id, null, "Name the molecule to share (its name or id).").map(p -> Html.page(400, p));
        }
        return resolve(token, molecule.trim())
                .chain(moleculeId -> collaboration.link(token, id, moleculeId))
                .map(link -> Html.seeOther("/projects/" + id + "?notice=" + ("manage".equals(Html.text(link, "grants")) ? "shared" : "reference")))
                .onFailure().recoverWithUni(e -> Html.refused(e, reason -> projectPage(token, id, null, reason)));
    }

    private Uni<String> resolve(String token, String molecule) {
        try {
            return Uni.createFrom().item(UUID.fromString(molecule).toString());
        } catch (IllegalArgumentException notAnId) {
            String me = String.valueOf(current.userId());
            return collaboration.findMolecules(token, molecule, 50).map(page -> {
                List<JsonNode> found = Html.items(page);
                return found.stream().filter(m -> molecule.equalsIgnoreCase(Html.text(m, "name")) && me.equals(Html.text(m, "created_by")))
                        .findFirst()
                        .or(() -> found.stream().filter(m -> molecule.equalsIgnoreCase(Html.text(m, "name"))).findFirst())
                        .or(() -> found.stream().findFirst())
                        .map(m -> Html.text(m, "id"))
                        .orElseThrow(() -> new RemoteProblem(404, "Not found", "No molecule you can see is called \"" + molecule + "\"."));
            });
        }
    }

    @POST
    @Path("{id}/molecules/{molecule}/unlink")
    public Uni<Response> unlink(@RestPath String id, @RestPath String molecule) {
        String token = current.requireSession().accessToken();
        return collaboration.unlink(token, id, molecule).map(ignored -> Html.seeOther("/projects/" + id + "?notice=unlinked"))
                .onFailure().recoverWithUni(e -> Html.refused(e, reason -> projectPage(token, id, null, reason)));
    }

    @POST
    @Path("{id}/rename")
    public Uni<Response> rename(@RestPath String id, @RestForm String name) {
        String token = current.requireSession().accessToken();
        if (Html.blank(name)) {
            return projectPage(token, id, null, "A project needs a name.").map(p -> Html.page(400, p));
        }
        return collaboration.renameProject(token, id, name.trim()).map(ignored -> Html.seeOther("/projects/" + id + "?notice=renamed"))
                .onFailure().recoverWithUni(e -> Html.refused(e, reason -> projectPage(token, id, null, reason)));
    }

    @POST
    @Path("{id}/delete")
    public Uni<Response> delete(@RestPath String id) {
        String token = current.requireSession().accessToken();
        return collaboration.deleteProject(token, id).map(ignored -> Html.seeOther("/projects?notice=deleted"))
                .onFailure().recoverWithUni(e -> Html.refused(e, reason -> projectPage(token, id, null, reason)));
    }

    private static String notice(String code) {
        return code == null ? null : NOTICES.get(code);
    }
}
