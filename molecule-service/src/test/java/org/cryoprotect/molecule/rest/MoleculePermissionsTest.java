package org.cryoprotect.molecule.rest;

import static org.hamcrest.Matchers.is;

import java.util.Map;

import org.cryoprotect.molecule.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * GET /api/molecules/{id}/permissions, the hint a user interface offers its controls by, agrees
 * with what the write policies then do, both ways: a right it reports works, a right it denies is
 * refused and changes nothing; a row the caller cannot see is a 404 as everywhere.
 */
@QuarkusTest
class MoleculePermissionsTest {

    private static final java.util.concurrent.atomic.AtomicInteger STRUCTURES = new java.util.concurrent.atomic.AtomicInteger(12);

    private Api owner;
    private Api creator;
    private Api editor;
    private Api viewer;
    private Api stranger;
    private String shared;

    @BeforeEach
    void world() {
        owner = Api.user();
        creator = Api.user();
        editor = Api.user();
        viewer = Api.user();
        stranger = Api.user();
        String team = owner.createTeam("permissions");
        owner.addMember(team, creator, "editor");
        owner.addMember(team, editor, "editor");
        owner.addMember(team, viewer, "viewer");
        String project = owner.createProject(team, "p");
        // a structure of its own per test: a published one would be returned instead of created
        shared = creator.createMolecule("perm-" + System.nanoTime(), "OCC(O)C" + "C".repeat(STRUCTURES.incrementAndGet()) + "N");
        creator.link(project, shared);
    }

    @Test
    void theCreatorAndTheTeamsOwnerManageAnEditorChangesAViewerReads() {
        expect(creator, "manage", true, true);
        expect(owner, "manage", true, true);
        expect(editor, "change", true, false);
        expect(viewer, "read", false, false);
        expect(Api.service(), "manage", true, true);
    }

    @Test
    void whatTheHintGrantsWorksAndWhatItDeniesIsRefused() {
        editor.request().body(Map.of("name", "renamed by the editor")).patch("/api/molecules/" + shared).then().statusCode(200);
        editor.request().body(Map.of("is_public", true)).patch("/api/molecules/" + shared).then().statusCode(403);
        viewer.request().body(Map.of("name", "renamed by the viewer")).patch("/api/molecules/" + shared).then().statusCode(403);
        creator.request().get("/api/molecules/" + shared).then().body("name", is("renamed by the editor"))
                .body("is_public", is(false));
    }

    @Test
    void aRowTheCallerCannotSeeIsNotFoundAndAPublicOneIsReadOnly() {
        stranger.request().get("/api/molecules/" + shared + "/permissions").then().statusCode(404);
        Api.anonymous().request().get("/api/molecules/" + shared + "/permissions").then().statusCode(404);
        creator.request().body(Map.of("is_public", true)).patch("/api/molecules/" + shared).then().statusCode(200);
        expect(stranger, "read", false, false);
        expect(Api.anonymous(), "read", false, false);
        stranger.request().body(Map.of("name", "x")).patch("/api/molecules/" + shared).then().statusCode(403);
    }

    @Test
    void aMalformedIdIsA400() {
        creator.request().get("/api/molecules/not-a-uuid/permissions").then().statusCode(400);
    }

    private void expect(Api who, String right, boolean edit, boolean publish) {
        who.request().get("/api/molecules/" + shared + "/permissions").then().statusCode(200)
                .body("right", is(right)).body("edit", is(edit)).body("publish", is(publish)).body("delete", is(publish));
    }
}
