package org.cryoprotect.web.collab;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.cryoprotect.web.page.PageContext;
import org.cryoprotect.web.remote.Collaboration;
import org.cryoprotect.web.session.CurrentRequest;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/**
 * Teams: the caller's teams and invitations, one team's members, invitations and projects. Only the
 * controls the caller's role allows are offered (owners manage members and invitations, editors and
 * owners create projects); a refusal shows molecule-service's reason.
 */
@Path("/teams")
@Produces(MediaType.TEXT_HTML)
public class TeamPages {

    public record TeamRow(String id, String name) {
    }

    public record MemberRow(String userId, String name, String role, boolean me) {
    }

    public record InvitationRow(String id, String teamName, String email, String role, String expires) {
    }

    public record ProjectRow(String id, String name) {
    }

    /** One team as the caller sees it; {@code role} is the caller's. */
    public record TeamView(String id, String name, String role, List<MemberRow> members, List<InvitationRow> invitations,
            List<ProjectRow> projects) {
        public boolean owner() {
            return "owner".equals(role);
        }

        public boolean editor() {
            return "owner".equals(role) || "editor".equals(role);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance teams(List<TeamRow> teams, List<InvitationRow> invitations, String notice, String error);

        static native TemplateInstance team(TeamView team, String notice, String error);
    }

    static final List<String> ROLES = List.of("viewer", "editor", "owner");
    private static final Map<String, String> NOTICES = Map.of(
            "created", "Team created. You are its owner.",
            "invited", "Invitation sent. Whoever signs in with that address will see it and can accept it.",
            "withdrawn", "Invitation withdrawn.",
            "role", "Role changed.",
            "removed", "Member removed.",
            "renamed", "Team renamed.",
            "joined", "You joined the team.",
            "declined", "Invitation declined.",
            "project", "Project created.",
            "deleted", "Team deleted.");

    private final Collaboration collaboration;
    private final CurrentRequest current;
    private final PageContext page;

    public TeamPages(Collaboration collaboration, CurrentRequest current, PageContext page) {
        this.collaboration = collaboration;
        this.current = current;
        this.page = page;
    }

    @GET
    public Uni<Response> teams(@RestQuery String notice) {
        String token = current.requireSession().accessToken();
        return teamsPage(token, notice(notice), null).map(p -> Html.page(200, p))
                .onFailure().recoverWithUni(e -> Html.refused(e, reason -> Uni.createFrom().item(
                        Templates.teams(List.of(), List.of(), null, reason))));
    }

    private Uni<TemplateInstance> teamsPage(String token, String notice, String error) {
        return Uni.combine().all().unis(collaboration.teams(token), collaboration.myInvitations(token)).asTuple()
                .map(both -> Templates.teams(
                        Html.items(both.getItem1()).stream().map(t -> new TeamRow(Html.text(t, "id"), Html.text(t, "name"))).toList(),
                        Html.items(both.getItem2()).stream().map(TeamPages::invitation).toList(), notice, error));
    }

    @POST
    public Uni<Response> create(@RestForm String name) {
        String token = current.requireSession().accessToken();
        if (Html.blank(name)) {
            return teamsPage(token, null, "A team needs a name.").map(p -> Html.page(400, p));
        }
        return saveMyName(token).chain(() -> collaboration.createTeam(token, name.trim()))
                .map(team -> Html.seeOther("/teams/" + Html.text(team, "id") + "?notice=created"))
                .onFailure().recoverWithUni(e -> Html.refused(e, reason -> teamsPage(token, null, reason)));
    }

    @POST
    @Path("invitations/{id}/accept")
    public Uni<Response> accept(@RestPath String id) {
        String token = current.requireSession().accessToken();
        return saveMyName(token).chain(() -> collaboration.accept(token, id))
                .map(joined -> Html.seeOther("/teams/" + Html.text(joined, "team_id") + "?notice=joined"))
                .onFailure().recoverWithUni(e -> Html.refused(e, reason -> teamsPage(token, null, reason)));
    }

    @POST
    @Path("invitations/{id}/decline")
    public Uni<Response> decline(@RestPath String id) {
        String token = current.requireSession().accessToken();
        return collaboration.decline(token, id).map(ignored -> Html.seeOther("/teams?notice=declined"))
                .onFailure().recoverWithUni(e -> Html.refused(e, reason -> teamsPage(token, null, reason)));
    }

    @GET
    @Path("{id}")
    public Uni<Response> team(@RestPath String id, @RestQuery String notice) {
        String token = current.requireSession().accessToken();
        return teamPage(token, id, notice(notice), null).map(p -> Html.page(200, p))
                .onFailure().recoverWithUni(e -> Html.refused(e, reason -> teamsPage(token, null, reason)));
    }

    private Uni<TemplateInstance> teamPage(String token, String id, String notice, String error) {
        String me = String.valueOf(current.userId());
        return Uni.combine().all().unis(collaboration.teams(token), collaboration.members(token, id),
                collaboration.projects(token), collaboration.invitations(token, id)).asTuple()
                .map(all -> {
                    Optional<JsonNode> team = Html.items(all.getItem1()).stream().filter(t -> id.equals(Html.text(t, "id"))).findFirst();
                    List<MemberRow> members = Html.items(all.getItem2()).stream()
                            .map(m -> new MemberRow(Html.text(m, "user_id"), memberName(m), Html.text(m, "role"),
                                    me.equals(Html.text(m, "user_id"))))
                            .sorted(Comparator.comparing((MemberRow m) -> ROLES.indexOf(m.role())).reversed().thenComparing(MemberRow::name))
                            .toList();
                    String role = members.stream().filter(MemberRow::me).map(MemberRow::role).findFirst().orElse("viewer");
                    List<ProjectRow> projects = Html.items(all.getItem3()).stream().filter(p -> id.equals(Html.text(p, "team_id")))
                            .map(p -> new ProjectRow(Html.text(p, "id"), Html.text(p, "name"))).toList();
                    List<InvitationRow> invitations = Html.items(all.getItem4()).stream().map(TeamPages::invitation).toList();
                    String name = team.map(t -> Html.text(t, "name")).orElse("Team");
                    return Templates.team(new TeamView(id, name, role, members, invitations, projects), notice, error);
                });
    }

    @POST
    @Path("{id}/invitations")
    public Uni<Response> invite(@RestPath String id, @RestForm String email, @RestForm String role) {
        String token = current.requireSession().accessToken();
        return collaboration.invite(token, id, email == null ? "" : email.trim(), role == null ? "" : role)
                .map(ignored -> Html.seeOther("/teams/" + id + "?notice=invited"))
                .onFailure().recoverWithUni(e -> Html.refused(e, reason -> teamPage(token, id, null, reason)));
    }

    @POST
    @Path("{id}/invitations/{invitation}/withdraw")
    public Uni<Response> withdraw(@RestPath String id, @RestPath String invitation) {
        String token = current.requireSession().accessToken();
        return collaboration.withdraw(token, id, invitation).map(ignored -> Html.seeOther("/teams/" + id + "?notice=withdrawn"))
                .onFailure().recoverWithUni(e -> Html.refused(e, reason -> teamPage(token, id, null, reason)));
    }

    @POST
    @Path("{id}/members/{user}/role")
    public Uni<Response> changeRole(@RestPath String id, @RestPath String user, @RestForm String role) {
        String token = current.requireSession().accessToken();
        return collaboration.changeRole(token, id, user, role == null ? "" : role)
                .map(ignored -> Html.seeOther("/teams/" + id + "?notice=role"))
                .onFailure().recoverWithUni(e -> Html.refused(e, reason -> teamPage(token, id, null, reason)));
    }

    @POST
    @Path("{id}/members/{user}/remove")
    public Uni<Response> remove(@RestPath String id, @RestPath String user) {
        String token = current.requireSession().accessToken();
        boolean leaving = user.equals(String.valueOf(current.userId()));
        return collaboration.removeMember(token, id, user)
                .map(ignored -> Html.seeOther(leaving ? "/teams" : "/teams/" + id + "?notice=removed"))
                .onFailure().recoverWithUni(e -> Html.refused(e, reason -> teamPage(token, id, null, reason)));
    }

    @POST
    @Path("{id}/rename")
    public Uni<Response> rename(@RestPath String id, @RestForm String name) {
        String token = current.requireSession().accessToken();
        if (Html.blank(name)) {
            return teamPage(token, id, null, "A team needs a name.").map(p -> Html.page(400, p));
        }
        return collaboration.renameTeam(token, id, name.trim()).map(ignored -> Html.seeOther("/teams/" + id + "?notice=renamed"))
                .onFailure().recoverWithUni(e -> Html.refused(e, reason -> teamPage(token, id, null, reason)));
    }

    @POST
    @Path("{id}/delete")
    public Uni<Response> delete(@RestPath String id) {
        String token = current.requireSession().accessToken();
        return collaboration.deleteTeam(token, id).map(ignored -> Html.seeOther("/teams?notice=deleted"))
                .onFailure().recoverWithUni(e -> Html.refused(e, reason -> teamPage(token, id, null, reason)));
    }

    @POST
    @Path("{id}/projects")
    public Uni<Response> createProject(@RestPath String id, @RestForm String name) {
        String token = current.requireSession().accessToken();
        if (Html.blank(name)) {
            return teamPage(token, id, null, "A project needs a name.").map(p -> Html.page(400, p));
        }
        return collaboration.createProject(token, id, name.trim())
                .map(project -> Html.seeOther("/projects/" + Html.text(project, "id") + "?notice=created"))
                .onFailure().recoverWithUni(e -> Html.refused(e, reason -> teamPage(token, id, null, reason)));
    }

    /** So that team-mates see a name rather than an id in member lists. */
    private Uni<Void> saveMyName(String token) {
        String name = page.getDisplayName();
        return Html.blank(name) ? Uni.createFrom().voidItem()
                : collaboration.saveProfile(token, name).onFailure().recoverWithNull().replaceWithVoid();
    }

    private static String memberName(JsonNode member) {
        String name = Html.text(member, "display_name");
        return Html.blank(name) ? "Researcher " + Html.text(member, "user_id").substring(0, 8) : name;
    }

    private static InvitationRow invitation(JsonNode i) {
        String expires = Html.text(i, "expires_at");
        return new InvitationRow(Html.text(i, "id"), Html.text(i, "team_name"), Html.text(i, "email"), Html.text(i, "role"),
                expires == null ? "" : expires.substring(0, Math.min(10, expires.length())));
    }

    private static String notice(String code) {
        return code == null ? null : NOTICES.get(code);
    }
}
