package org.cryoprotect.molecule.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.cryoprotect.common.testing.TestDatabase;
import org.cryoprotect.molecule.Api;
import org.cryoprotect.molecule.ToxicityFixtures;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Synonym and property rows carry their molecule's is_public (V15), so that the rows of public
 * molecules pass their read policy without looking the molecule up. The flag must follow publishing
 * and unpublishing, and nobody (not the molecule's editors, not the service role) may set it apart
 * from the molecule: a child row that claimed a public molecule would be readable by everyone.
 */
@QuarkusTest
class ChildRowVisibilityTest {

    @ConfigProperty(name = "cryo.test.database")
    String database;

    @Test
    void theFlagFollowsPublishingAndUnpublishing() throws SQLException {
        Api creator = Api.user();
        Api stranger = Api.user();
        String molecule = privateMoleculeWithChildren(creator);
        long rows = count("select count(*) from chem.molecule_synonyms where molecule_id = '" + molecule + "'")
                + count("select count(*) from chem.molecule_properties where molecule_id = '" + molecule + "'");
        assertEquals(0, publicChildren(molecule));
        assertEquals(rows, childrenSeenBy(creator, molecule));
        assertEquals(0, childrenSeenBy(stranger, molecule));
        assertEquals(0, childrenSeenAnonymously(molecule));

        creator.request().body(Map.of("is_public", true)).patch("/api/molecules/" + molecule).then().statusCode(200);
        assertEquals(rows, publicChildren(molecule));
        stranger.request().get("/api/molecules/" + molecule).then().statusCode(200)
                .body("synonyms", hasItem("child row synonym")).body("properties.melting_point.value", equalTo(18.5));
        assertEquals(rows, childrenSeenBy(stranger, molecule));
        assertEquals(rows, childrenSeenAnonymously(molecule));

        // rows added while public are public rows, and follow the next unpublish like the others
        creator.request().body(Map.of("synonyms", List.of("child row synonym", "added while public"),
                "properties", Map.of("boiling_point", 189.0))).patch("/api/molecules/" + molecule).then().statusCode(200);
        long more = rows + 2;
        assertEquals(more, publicChildren(molecule));
        assertEquals(more, childrenSeenBy(stranger, molecule));

        creator.request().body(Map.of("is_public", false)).patch("/api/molecules/" + molecule).then().statusCode(200);
        assertEquals(0, publicChildren(molecule));
        stranger.request().get("/api/molecules/" + molecule).then().statusCode(404);
        assertEquals(0, childrenSeenBy(stranger, molecule));
        assertEquals(0, childrenSeenAnonymously(molecule));
        assertEquals(more, childrenSeenBy(creator, molecule));
    }

    @Test
    void nobodySetsTheFlagApartFromTheMolecule() throws SQLException {
        Api creator = Api.user();
        Api stranger = Api.user();
        String secret = privateMoleculeWithChildren(creator);
        String registry = Api.service().createMolecule("Child rows registry " + UUID.randomUUID(), ToxicityFixtures.uniqueSmiles());
        String before = children();

        // the molecule's own editor, through SQL as herself: claim public, or hide a registry row's child
        assertRefused(() -> asUser(creator, "insert into chem.molecule_synonyms (molecule_id, synonym, molecule_public) "
                + "values ('" + secret + "', 'leak', true)"));
        assertRefused(() -> asUser(creator, "insert into chem.molecule_properties (molecule_id, name, value, source, molecule_public) "
                + "values ('" + secret + "', 'leak', 1, 'manual', true)"));
        assertRefused(() -> asUser(creator, "update chem.molecule_properties set molecule_public = true "
                + "where molecule_id = '" + secret + "'"));
        assertRefused(() -> asUser(creator, "update chem.molecule_synonyms set molecule_public = true "
                + "where molecule_id = '" + secret + "'"));
        // the service role may write every row, but not a flag that disagrees with the molecule
        assertRefused(() -> asService("update chem.molecule_synonyms set molecule_public = true where molecule_id = '" + secret + "'"));
        assertRefused(() -> asService("update chem.molecule_properties set molecule_public = false where molecule_id = '" + registry + "'"));
        // a stranger moves a public molecule's row onto the secret one: refused by the policy and by the key
        attempt(() -> asUser(stranger, "update chem.molecule_synonyms set molecule_id = '" + secret + "' "
                + "where molecule_id = '" + registry + "'"));
        attempt(() -> asUser(stranger, "update chem.molecule_synonyms set molecule_public = true where molecule_id = '" + secret + "'"));

        assertEquals(before, children());
        assertEquals(0, publicChildren(secret));
        assertEquals(0, childrenSeenBy(stranger, secret));
        assertEquals(0, count("select count(*) from chem.molecule_synonyms s join chem.molecules m on m.id = s.molecule_id "
                + "where s.molecule_public <> m.is_public"));
    }

    private static String privateMoleculeWithChildren(Api creator) {
        String molecule = creator.createMolecule("Child rows " + UUID.randomUUID(), ToxicityFixtures.uniqueSmiles());
        creator.request().body(Map.of("synonyms", List.of("child row synonym"), "properties", Map.of("melting_point", 18.5)))
                .patch("/api/molecules/" + molecule).then().statusCode(200);
        return molecule;
    }

    private long publicChildren(String molecule) throws SQLException {
        return count("select count(*) from chem.molecule_synonyms where molecule_public and molecule_id = '" + molecule + "'")
                + count("select count(*) from chem.molecule_properties where molecule_public and molecule_id = '" + molecule + "'");
    }

    private long childrenSeenBy(Api user, String molecule) throws SQLException {
        try (Connection db = session("cryo_authenticated", user.userId().toString())) {
            return children(db, molecule);
        }
    }

    private long childrenSeenAnonymously(String molecule) throws SQLException {
        try (Connection db = session("cryo_anon", "")) {
            return children(db, molecule);
        }
    }

    private static long children(Connection db, String molecule) throws SQLException {
        try (ResultSet rs = db.createStatement().executeQuery(
                "select (select count(*) from chem.molecule_synonyms where molecule_id = '" + molecule + "') "
                        + "+ (select count(*) from chem.molecule_properties where molecule_id = '" + molecule + "')")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Every synonym and property row, hashed: a refused write leaves them as they were. */
    private String children() throws SQLException {
        try (Connection db = TestDatabase.superuser(database);
                ResultSet rs = db.createStatement().executeQuery("select md5(coalesce(string_agg(r, '|' order by r), '')) from ("
                        + "select 's' || x::text as r from chem.molecule_synonyms x union all "
                        + "select 'p' || x::text from chem.molecule_properties x) rows")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private Connection session(String role, String sub) throws SQLException {
        Connection db = TestDatabase.login(database, TestDatabase.AUTHENTICATOR);
        db.setAutoCommit(false);
        db.createStatement().execute("select set_config('role', '" + role + "', true), "
                + "set_config('request.jwt.claim.sub', '" + sub + "', true)");
        return db;
    }

    private void asUser(Api user, String sql) throws SQLException {
        try (Connection db = session("cryo_authenticated", user.userId().toString())) {
            db.createStatement().execute(sql);
            db.commit();
        }
    }

    private void asService(String sql) throws SQLException {
        try (Connection db = session("cryo_service", "")) {
            db.createStatement().execute(sql);
            db.commit();
        }
    }

    /** A write the database must refuse with an error (a write that RLS filters to nothing is checked by the hash). */
    private static void assertRefused(org.junit.jupiter.api.function.Executable write) {
        assertThrows(SQLException.class, write);
    }

    private static void attempt(org.junit.jupiter.api.function.Executable write) {
        try {
            write.execute();
        } catch (Throwable refused) {
            // refused with an error or filtered to nothing: either way the hash below must not move
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection db = TestDatabase.superuser(database); ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
