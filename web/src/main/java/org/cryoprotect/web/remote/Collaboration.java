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
        return write(() -> api.saveProfile(bearer(token), Map.of("display_name", displayName))).replaceWithVoid();
    }

    public Uni<JsonNode> teams(String token) {
        return read(() -> api.teams(bearer(token)));
    }

    public Uni<JsonNode> createTeam(String token, String name) {
        return write(() -> api.createTeam(bearer(token), Map.of("name", name)));
    }

    public Uni<JsonNode> renameTeam(String token, String id, String name) {
        return write(() -> api.renameTeam(bearer(token), id, Map.of("name", name)));
    }

    public Uni<Void> deleteTeam(String token, String id) {
        return write(() -> api.deleteTeam(bearer(token), id)).replaceWithVoid();
    }

    public Uni<JsonNode> members(String token, String teamId) {
        return read(() -> api.members(bearer(token), teamId));
    }

    public Uni<JsonNode> changeRole(String token, String teamId, String userId, String role) {
        return write(() -> api.putMember(bearer(token), teamId, Map.of("user_id", userId, "role", role)));
    }

    public Uni<Void> removeMember(String token, String teamId, String userId) {
        return write(() -> api.removeMember(bearer(token), teamId, userId)).replaceWithVoid();
    }

    public Uni<JsonNode> invitations(String token, String teamId) {
        return read(() -> api.invitations(bearer(token), teamId));
    }

    public Uni<JsonNode> invite(String token, String teamId, String email, String role) {
        return write(() -> api.invite(bearer(token), teamId, Map.of("email", email, "role", role)));
    }

    public Uni<Void> withdraw(String token, String teamId, String invitationId) {
        return write(() -> api.withdraw(bearer(token), teamId, invitationId)).replaceWithVoid();
    }

    public Uni<JsonNode> myInvitations(String token) {
        return read(() -> api.myInvitations(bearer(token)));
    }

    public Uni<JsonNode> accept(String token, String invitationId) {
        return write(() -> api.accept(bearer(token), invitationId));
    }

    public Uni<Void> decline(String token, String invitationId) {
        return write(() -> api.decline(bearer(token), invitationId)).replaceWithVoid();
    }

    public Uni<JsonNode> projects(String token) {
        return read(() -> api.projects(bearer(token)));
    }

    public Uni<JsonNode> project(String token, String id) {
        return read(() -> api.project(bearer(token), id));
    }

    public Uni<JsonNode> createProject(String token, String teamId, String name) {
        return write(() -> api.createProject(bearer(token), Map.of("team_id", teamId, "name", name)));
    }

    public Uni<JsonNode> renameProject(String token, String id, String name) {
        return write(() -> api.renameProject(bearer(token), id, Map.of("name", name)));
    }

    public Uni<Void> deleteProject(String token, String id) {
        return write(() -> api.deleteProject(bearer(token), id)).replaceWithVoid();
    }

    public Uni<JsonNode> projectMolecules(String token, String id) {
        return read(() -> api.projectMolecules(bearer(token), id, 200));
    }

    /** @return {project_id, id, grants}: a share (manage) or a reference, as the database decided */
    public Uni<JsonNode> link(String token, String projectId, String moleculeId) {
        return write(() -> api.link(bearer(token), projectId, Map.of("molecule_id", moleculeId)));
    }

    public Uni<Void> unlink(String token, String projectId, String moleculeId) {
        return write(() -> api.unlink(bearer(token), projectId, moleculeId)).replaceWithVoid();
    }

    public Uni<JsonNode> findMolecules(String token, String q, int limit) {
        return read(() -> api.findMolecules(bearer(token), q, limit));
    }

    public Uni<JsonNode> mixtures(String token, String q) {
        return read(() -> api.mixtures(bearer(token), q == null || q.isBlank() ? null : q, 100));
    }

    public Uni<JsonNode> mixture(String token, String id) {
        return read(() -> api.mixture(bearer(token), id));
    }

    public Uni<JsonNode> createMixture(String token, String name, List<Map<String, Object>> components) {
        return write(() -> api.createMixture(bearer(token), Map.of("name", name, "components", components)));
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

    private static String bearer(String token) {
        return token == null ? null : "Bearer " + token;
    }
}
