package org.cryoprotect.web.remote;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import org.cryoprotect.web.WebConfig;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.mutiny.Uni;

/**
 * molecule-service's teams, members, invitations, projects, links and mixtures as the signed-in
 * user sees them: the JSON as it is (the pages read the fields they show). Refusals come back as
 * {@link RemoteProblem} with the service's own reason; reads are retried, writes never.
 */
@ApplicationScoped
public class Collaboration {

    private static final String NAME = "molecule-service";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final CollaborationApi api;
    private final CallPolicy reads = CallPolicy.read("collaboration-read", TIMEOUT);
    private final CallPolicy writes = CallPolicy.write("collaboration-write", TIMEOUT);

    public Collaboration(WebConfig config) {
        this.api = QuarkusRestClientBuilder.newBuilder().baseUri(java.net.URI.create(config.moleculeServiceUrl()))
                .disableDefaultMapper(true)  // a 4xx is an answer (RemoteProblem with its reason), not an exception
                .build(CollaborationApi.class);
    }

    /** The name team-mates see in member lists (molecule-service keeps it per user). */
    public Uni<Void> saveProfile(String token, String displayName) {
        return write(() -> api.saveProfile(Replies.bearer(token), Map.of("display_name", displayName))).replaceWithVoid();
    }

    public Uni<JsonNode> teams(String token) {
        return read(() -> api.teams(Replies.bearer(token)));
    }

    public Uni<JsonNode> createTeam(String token, String name) {
        return write(() -> api.createTeam(Replies.bearer(token), Map.of("name", name)));
    }

    public Uni<JsonNode> renameTeam(String token, String id, String name) {
        return write(() -> api.renameTeam(Replies.bearer(token), id, Map.of("name", name)));
    }

    public Uni<Void> deleteTeam(String token, String id) {
        return write(() -> api.deleteTeam(Replies.bearer(token), id)).replaceWithVoid();
    }

    public Uni<JsonNode> members(String token, String teamId) {
        return read(() -> api.members(Replies.bearer(token), teamId));
    }

    public Uni<JsonNode> changeRole(String token, String teamId, String userId, String role) {
        return write(() -> api.putMember(Replies.bearer(token), teamId, Map.of("user_id", userId, "role", role)));
    }

    public Uni<Void> removeMember(String token, String teamId, String userId) {
        return write(() -> api.removeMember(Replies.bearer(token), teamId, userId)).replaceWithVoid();
    }

    public Uni<JsonNode> invitations(String token, String teamId) {
        return read(() -> api.invitations(Replies.bearer(token), teamId));
    }

    public Uni<JsonNode> invite(String token, String teamId, String email, String role) {
        return write(() -> api.invite(Replies.bearer(token), teamId, Map.of("email", email, "role", role)));
    }

    public Uni<Void> withdraw(String token, String teamId, String invitationId) {
        return write(() -> api.withdraw(Replies.bearer(token), teamId, invitationId)).replaceWithVoid();
    }

    public Uni<JsonNode> myInvitations(String token) {
        return read(() -> api.myInvitations(Replies.bearer(token)));
    }

    public Uni<JsonNode> accept(String token, String invitationId) {
        return write(() -> api.accept(Replies.bearer(token), invitationId));
    }

    public Uni<Void> decline(String token, String invitationId) {
        return write(() -> api.decline(Replies.bearer(token), invitationId)).replaceWithVoid();
    }

    public Uni<JsonNode> projects(String token) {
        return read(() -> api.projects(Replies.bearer(token)));
    }

    public Uni<JsonNode> project(String token, String id) {
        return read(() -> api.project(Replies.bearer(token), id));
    }

    public Uni<JsonNode> createProject(String token, String teamId, String name) {
        return write(() -> api.createProject(Replies.bearer(token), Map.of("team_id", teamId, "name", name)));
    }

    public Uni<JsonNode> renameProject(String token, String id, String name) {
        return write(() -> api.renameProject(Replies.bearer(token), id, Map.of("name", name)));
    }

    public Uni<Void> deleteProject(String token, String id) {
        return write(() -> api.deleteProject(Replies.bearer(token), id)).replaceWithVoid();
    }

    public Uni<JsonNode> projectMolecules(String token, String id) {
        return read(() -> api.projectMolecules(Replies.bearer(token), id, 200));
    }

    /** @return {project_id, id, grants}: a share (manage) or a reference, as the database decided */
    public Uni<JsonNode> link(String token, String projectId, String moleculeId) {
        return write(() -> api.link(Replies.bearer(token), projectId, Map.of("molecule_id", moleculeId)));
    }

    public Uni<Void> unlink(String token, String projectId, String moleculeId) {
        return write(() -> api.unlink(Replies.bearer(token), projectId, moleculeId)).replaceWithVoid();
    }

    public Uni<JsonNode> findMolecules(String token, String q, int limit) {
        return read(() -> api.findMolecules(Replies.bearer(token), q, limit));
    }

    public Uni<JsonNode> mixtures(String token, String q) {
        return read(() -> api.mixtures(Replies.bearer(token), q == null || q.isBlank() ? null : q, 100));
    }

    public Uni<JsonNode> mixture(String token, String id) {
        return read(() -> api.mixture(Replies.bearer(token), id));
    }

    public Uni<JsonNode> createMixture(String token, String name, List<Map<String, Object>> components) {
        return write(() -> api.createMixture(Replies.bearer(token), Map.of("name", name, "components", components)));
    }

    private Uni<JsonNode> read(Supplier<Uni<Response>> call) {
        return reads.call(() -> Replies.send(NAME, call.get())).map(Collaboration::json);
    }

    private Uni<JsonNode> write(Supplier<Uni<Response>> call) {
        return writes.call(() -> Replies.send(NAME, call.get())).map(Collaboration::json);
    }

    private static JsonNode json(Response response) {
        try (response) {
            return response.hasEntity() && response.getStatus() != 204 ? response.readEntity(JsonNode.class)
                    : com.fasterxml.jackson.databind.node.NullNode.getInstance();
        }
    }

}
