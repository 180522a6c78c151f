package org.cryoprotect.molecule.rest;

import static org.awaitility.Awaitility.await;
import static org.cryoprotect.molecule.ToxicityFixtures.parsed;
import static org.cryoprotect.molecule.ToxicityFixtures.send;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.cryoprotect.common.testing.TestDatabase;
import org.cryoprotect.molecule.Api;
import org.cryoprotect.molecule.ToxicityFixtures;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A researcher attacking the toxicity data: reading another team's private statistics, writing imported
 * provenance, corrupting statistics she may not change, steering imports into private molecules, and
 * chaining allowed steps (publish/unpublish, share/unshare, membership) into a forbidden one. Every
 * attack must fail and leave the measurements and statistics as they were.
 */
@QuarkusTest
class ToxicityAttackTest {

    @ConfigProperty(name = "cryo.test.database")
    String database;

    @Test
    void anotherTeamSeesNoTraceOfAPrivateMoleculesToxicity() throws SQLException {
        Api owner = Api.user();
        String name = "Attack private " + UUID.randomUUID();
        String molecule = owner.createMolecule(name, ToxicityFixtures.uniqueSmiles());
        owner.addToxicity(molecule, 1);
        owner.addToxicity(molecule, 3);
        assertEquals(1, statsRowsSeenBy(owner, molecule)[1]);

        for (Api stranger : List.of(Api.user(), Api.anonymous())) {
            stranger.request().get("/api/toxicity/summary?molecule_id=" + molecule).then().statusCode(404);
            stranger.request().get("/api/molecules/" + molecule).then().statusCode(404);
            stranger.request().get("/api/toxicity?molecule_id=" + molecule).then().statusCode(200).body("items.size()", equalTo(0));
            ranking(stranger, name).body("items.size()", equalTo(0));
        }
        ranking(owner, name).body("items.size()", equalTo(1));
        Api stranger = Api.user();
        assertEquals(0, sum(statsRowsSeenBy(stranger, molecule)));
        assertEquals(0, sum(statsRowsSeenAnonymously(molecule)));
    }

    @Test
    void publishingThenUnpublishingHidesTheStatisticsAgain() throws SQLException {
        Api creator = Api.user();
        String name = "Attack publish " + UUID.randomUUID();
        String molecule = creator.createMolecule(name, ToxicityFixtures.uniqueSmiles());
        creator.addToxicity(molecule, 2);
        Api stranger = Api.user();
        creator.request().body(Map.of("is_public", true)).patch("/api/molecules/" + molecule).then().statusCode(200);
        stranger.request().get("/api/toxicity/summary?molecule_id=" + molecule).then().statusCode(200)
                .body("measurements", equalTo(1));
        ranking(Api.anonymous(), name).body("items.size()", equalTo(1));

        creator.request().body(Map.of("is_public", false)).patch("/api/molecules/" + molecule).then().statusCode(200);
        stranger.request().get("/api/toxicity/summary?molecule_id=" + molecule).then().statusCode(404);
        ranking(Api.anonymous(), name).body("items.size()", equalTo(0));
        ranking(stranger, name).body("items.size()", equalTo(0));
        assertEquals(0, sum(statsRowsSeenBy(stranger, molecule)));
        assertEquals(0, sum(statsRowsSeenAnonymously(molecule)));
        assertEquals(0, count("select count(*) from chem.toxicity_stats where molecule_id = '" + molecule + "' and molecule_public"));
    }

    /** Visibility that comes from a share, not from is_public, ends with the membership or the link. */
    @Test
    void sharedStatisticsEndWithTheMembershipAndWithTheLink() throws SQLException {
        Api creator = Api.user();
        Api member = Api.user();
        String team = creator.createTeam("Attack team");
        creator.addMember(team, member, "viewer");
        String project = creator.createProject(team, "Attack project");
        String molecule = creator.createMolecule("Attack shared", ToxicityFixtures.uniqueSmiles());
        creator.addToxicity(molecule, 5);
        creator.link(project, molecule);
        member.request().get("/api/toxicity/summary?molecule_id=" + molecule).then().statusCode(200)
                .body("measurements", equalTo(1));
        assertEquals(1, statsRowsSeenBy(member, molecule)[1]);

        creator.request().delete("/api/teams/" + team + "/members/" + member.userId()).then().statusCode(204);
        member.request().get("/api/toxicity/summary?molecule_id=" + molecule).then().statusCode(404);
        assertEquals(0, sum(statsRowsSeenBy(member, molecule)));

        creator.addMember(team, member, "viewer");
        assertEquals(1, statsRowsSeenBy(member, molecule)[1]);
        creator.request().delete("/api/projects/" + project + "/molecules/" + molecule).then().statusCode(204);
        member.request().get("/api/toxicity/summary?molecule_id=" + molecule).then().statusCode(404);
        assertEquals(0, sum(statsRowsSeenBy(member, molecule)));
        // a reference (a link by someone else) does not bring it back
        assertThrows(SQLException.class, () -> asUser(member, "insert into chem.project_molecules (project_id, molecule_id) "
                + "values ('" + project + "', '" + molecule + "')"));
        assertEquals(0, sum(statsRowsSeenBy(member, molecule)));
    }

    /**
     * An editor adds a measurement while the creator unpublishes: the statistics written by the
     * measurement's statement must not keep the molecule_public the editor's snapshot saw.
     */
    @Test
    void aMeasurementRacingAnUnpublishLeavesNoPublicStatistics() throws Exception {
        Api creator = Api.user();
        Api editor = Api.user();
        String team = creator.createTeam("Race team");
        creator.addMember(team, editor, "editor");
        String project = creator.createProject(team, "Race project");
        String molecule = creator.createMolecule("Race subject", ToxicityFixtures.uniqueSmiles());
        creator.link(project, molecule);
        creator.addToxicity(molecule, 1);
        creator.request().body(Map.of("is_public", true)).patch("/api/molecules/" + molecule).then().statusCode(200);

        try (Connection writer = session(editor); Connection publisher = session(creator)) {
            writer.createStatement().execute("insert into chem.toxicity (molecule_id, endpoint, species, route, value, unit, "
                    + "normalized_value, normalized_unit, source, created_by) values ('" + molecule + "', 'LD50', 'rat', "
                    + "'oral', 2, 'g/kg', 2000, 'mg/kg', 'manual', '" + editor.userId() + "')");
            int publisherPid = pid(publisher);
            CompletableFuture<Void> unpublish = CompletableFuture.runAsync(() -> {
                try {
                    publisher.createStatement().execute("update chem.molecules set is_public = false where id = '" + molecule + "'");
                    publisher.commit();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            await().atMost(Duration.ofSeconds(20)).until(() -> unpublish.isDone()
                    || count("select count(*) from pg_locks where not granted and pid = " + publisherPid) > 0);
            writer.commit();
            unpublish.get();
        }
        assertEquals(0, count("select count(*) from chem.toxicity_stats where molecule_id = '" + molecule + "' and molecule_public"));
        assertEquals(0, sum(statsRowsSeenBy(Api.user(), molecule)));
        assertEquals(0, sum(statsRowsSeenAnonymously(molecule)));
        creator.request().get("/api/toxicity/summary?molecule_id=" + molecule).then().statusCode(200)
                .body("measurements", equalTo(2));
    }

    /** The other order: the unpublish first, the measurement's statement while it is uncommitted. */
    @Test
    void aMeasurementAfterAnUncommittedUnpublishLeavesNoPublicStatistics() throws Exception {
        Api creator = Api.user();
        Api editor = Api.user();
        String team = creator.createTeam("Race team 2");
        creator.addMember(team, editor, "editor");
        String project = creator.createProject(team, "Race project 2");
        String molecule = creator.createMolecule("Race subject 2", ToxicityFixtures.uniqueSmiles());
        creator.link(project, molecule);
        creator.addToxicity(molecule, 1);
        creator.request().body(Map.of("is_public", true)).patch("/api/molecules/" + molecule).then().statusCode(200);

        try (Connection writer = session(editor); Connection publisher = session(creator)) {
            publisher.createStatement().execute("update chem.molecules set is_public = false where id = '" + molecule + "'");
            int writerPid = pid(writer);
            CompletableFuture<Void> measure = CompletableFuture.runAsync(() -> {
                try {
                    writer.createStatement().execute("insert into chem.toxicity (molecule_id, endpoint, species, route, value, "
                            + "unit, normalized_value, normalized_unit, source, created_by) values ('" + molecule + "', 'LD50', "
                            + "'rat', 'oral', 2, 'g/kg', 2000, 'mg/kg', 'manual', '" + editor.userId() + "')");
                    writer.commit();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            await().atMost(Duration.ofSeconds(20)).until(() -> measure.isDone()
                    || count("select count(*) from pg_locks where not granted and pid = " + writerPid) > 0);
            publisher.commit();
            measure.get();
        }
        assertEquals(0, count("select count(*) from chem.toxicity_stats where molecule_id = '" + molecule + "' and molecule_public"));
        assertEquals(0, sum(statsRowsSeenAnonymously(molecule)));
        assertEquals(2, count("select measurements from chem.toxicity_counts where molecule_id = '" + molecule + "'"));
    }

    /** A viewer, an editor against another's measurement, and an editor whose share is gone: nothing moves. */
    @Test
    void noResearcherCorruptsStatisticsSheMayNotChange() throws SQLException {
        Api creator = Api.user();
        Api editor = Api.user();
        Api viewer = Api.user();
        String team = creator.createTeam("Corruption team");
        creator.addMember(team, editor, "editor");
        creator.addMember(team, viewer, "viewer");
        String project = creator.createProject(team, "Corruption project");
        String molecule = creator.createMolecule("Corruption subject", ToxicityFixtures.uniqueSmiles());
        creator.link(project, molecule);
        String creators = creator.addToxicity(molecule, 1);
        String editors = editor.addToxicity(molecule, 2);
        String insert = "insert into chem.toxicity (molecule_id, endpoint, species, route, value, unit, normalized_value, "
                + "normalized_unit, source, created_by) values ('" + molecule + "', 'LD50', 'rat', 'oral', 1, 'g/kg', 0.000001, "
                + "'mg/kg', 'manual', '%s')";
        String before = snapshot();

        SQLException refused = assertThrows(SQLException.class, () -> asUser(viewer, insert.formatted(viewer.userId())));
        assertEquals("42501", refused.getSQLState());
        viewer.request().body(Map.of("endpoint", "LD50", "species", "rat", "route", "oral", "value", 0.001, "unit", "g/kg"))
                .post("/api/molecules/" + molecule + "/toxicity").then().statusCode(403);
        asUser(viewer, "update chem.toxicity set normalized_value = 0 where molecule_id = '" + molecule + "'");
        asUser(editor, "update chem.toxicity set normalized_value = 0 where id = '" + creators + "'");
        asUser(editor, "delete from chem.toxicity where id = '" + creators + "'");
        editor.request().body(Map.of("value", 0.001)).patch("/api/toxicity/" + creators).then().statusCode(403);
        editor.request().delete("/api/toxicity/" + creators).then().statusCode(403);
        assertEquals(before, snapshot());

        creator.request().delete("/api/teams/" + team + "/members/" + editor.userId()).then().statusCode(204);
        before = snapshot();
        asUser(editor, "update chem.toxicity set normalized_value = 0 where id = '" + editors + "'");
        asUser(editor, "delete from chem.toxicity where id = '" + editors + "'");
        assertThrows(SQLException.class, () -> asUser(editor, insert.formatted(editor.userId())));
        editor.request().body(Map.of("value", 0.001)).patch("/api/toxicity/" + editors).then().statusCode(404);
        assertEquals(before, snapshot());
    }

    /** The API's own bodies cannot carry provenance either: unknown fields are refused, imported sources too. */
    @Test
    void requestBodiesCarryNoProvenance() {
        Api creator = Api.user();
        String molecule = creator.createMolecule("Provenance body subject", ToxicityFixtures.uniqueSmiles());
        String own = creator.addToxicity(molecule, 1);
        String before = snapshot();
        for (Map<String, Object> patch : List.of(Map.<String, Object>of("source", "pubchem"), Map.<String, Object>of("source_record", "1/x"),
                Map.<String, Object>of("details", Map.of("a", 1)), Map.<String, Object>of("unparsed_reason", "x"),
                Map.<String, Object>of("original_text", "forged"), Map.<String, Object>of("molecule_id", molecule))) {
            creator.request().body(patch).patch("/api/toxicity/" + own).then().statusCode(400);
        }
        for (String source : List.of("pubchem", "chembl")) {
            int status = creator.request().body(Map.of("endpoint", "LD50", "species", "rat", "route", "oral", "value", 1,
                    "unit", "g/kg", "source", source, "reference", "x")).post("/api/molecules/" + molecule + "/toxicity")
                    .then().extract().statusCode();
            assertEquals(true, status >= 400 && status < 500, "status " + status);
        }
        assertEquals(before, snapshot());
    }

    /** Imported measurements on a registry molecule: no researcher reaches them, whatever she links. */
    @Test
    void importedMeasurementsAreBeyondEveryResearcher() throws SQLException {
        long cid = ToxicityFixtures.cid();
        String molecule = ToxicityFixtures.registryMolecule(cid, "Attack registry");
        String imported = send(List.of(parsed(cid, "9/a", "LD50", 1, "g/kg", "rat", "oral"),
                ToxicityFixtures.unparsed(cid, "9/b", "LD50 rat oral: low", "no value"))).statusCode(200)
                .extract().path("results[0].id");
        Api researcher = Api.user();
        String team = researcher.createTeam("Registry attack team");
        String project = researcher.createProject(team, "Registry attack project");
        researcher.link(project, molecule); // a reference: grants nothing
        String before = snapshot();

        researcher.request().body(Map.of("value", 999)).patch("/api/toxicity/" + imported).then().statusCode(403);
        researcher.request().delete("/api/toxicity/" + imported).then().statusCode(403);
        researcher.request().body(Map.of("endpoint", "LD50", "species", "rat", "route", "oral", "value", 0.001, "unit", "g/kg"))
                .post("/api/molecules/" + molecule + "/toxicity").then().statusCode(403);
        researcher.request().body(Map.of("measurements", List.of(parsed(cid, "9/a", "LD50", 999, "g/kg", "rat", "oral"))))
                .post("/api/toxicity/batch").then().statusCode(403);
        assertEquals(before, snapshot());

        for (String sql : List.of(
                "update chem.toxicity set value = 999, normalized_value = 999000 where molecule_id = {m}",
                "update chem.toxicity set relation = '>', exposure = 'x', normalization_note = 'x' where molecule_id = {m}",
                "delete from chem.toxicity where molecule_id = {m}",
                "update chem.molecules set is_public = false where id = {m}")) {
            asUser(researcher, sql.replace("{m}", "'" + molecule + "'")); // no row passes the policies
            assertEquals(before, snapshot(), sql);
        }
        for (String sql : List.of(
                "update chem.toxicity set original_text = 'forged' where molecule_id = {m}",
                "update chem.toxicity set unparsed_reason = null where molecule_id = {m}",
                "update chem.toxicity set source_record = '9/z' where molecule_id = {m}",
                "update chem.toxicity set created_by = {u} where molecule_id = {m}",
                "update chem.toxicity set molecule_id = {m} where created_by = {u}",
                "insert into chem.toxicity (molecule_id, endpoint, value, unit, normalized_value, normalized_unit, source, "
                        + "created_by) values ({m}, 'LD50', 1, 'g/kg', 1, 'mg/kg', 'manual', {u})",
                "insert into chem.toxicity (molecule_id, endpoint, value, unit, source, source_record, reference, created_by) "
                        + "values ({m}, 'LD50', 1, 'g/kg', 'pubchem', '9/a', 'x', {u}) on conflict do nothing",
                "select chem_private.toxicity_stats_follow_publication()",
                "select chem_private.refresh_toxicity_stats(array[{m}::uuid])")) {
            String statement = sql.replace("{m}", "'" + molecule + "'").replace("{u}", "'" + researcher.userId() + "'");
            assertThrows(SQLException.class, () -> asUser(researcher, statement), statement);
            assertEquals(before, snapshot(), statement);
        }
    }

    /**
     * A molecule batch record carrying toxicity would hang imported measurements on a researcher's
     * published molecule (which holds the public InChIKey), where unpublishing makes them private: it is
     * refused, and imported measurements come only through POST /api/toxicity/batch (registry rows only).
     */
    @Test
    void theMoleculeBatchWritesNoImportedMeasurementOntoAResearchersMolecule() throws SQLException {
        Api creator = Api.user();
        String smiles = ToxicityFixtures.uniqueSmiles();
        String molecule = creator.createMolecule("Attack bait", smiles);
        creator.request().body(Map.of("is_public", true)).patch("/api/molecules/" + molecule).then().statusCode(200);

        Api.service().request().body(Map.of("records", List.of(Map.of("source", "pubchem", "source_id",
                        String.valueOf(ToxicityFixtures.cid()), "name",
                        "Bait import", "smiles", smiles, "toxicity", List.of(Map.of("endpoint", "LD50", "species", "rat",
                                "route", "oral", "value", 1, "unit", "g/kg", "source", "pubchem"))))))
                .post("/api/molecules/batch").then().statusCode(200)
                .body("results[0].status", equalTo("rejected"))
                .body("results[0].error", containsString("POST /api/toxicity/batch"));
        creator.request().body(Map.of("is_public", false)).patch("/api/molecules/" + molecule).then().statusCode(200);
        assertEquals(0, count("select count(*) from chem.toxicity where molecule_id = '" + molecule
                + "' and source in ('pubchem', 'chembl')"));
    }

    /** POST /api/toxicity/batch resolves only registry molecules: never a private or a published one. */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void theToxicityBatchFindsNoResearchersMolecule(boolean published) throws SQLException {
        long cid = ToxicityFixtures.cid();
        Api creator = Api.user();
        String molecule = creator.createMolecule("Attack cid bait", ToxicityFixtures.uniqueSmiles());
        // the creator cannot claim a CID herself; the service role could set one, so do it as it would
        superuser("update chem.molecules set pubchem_cid = " + cid + " where id = '" + molecule + "'");
        if (published) {
            creator.request().body(Map.of("is_public", true)).patch("/api/molecules/" + molecule).then().statusCode(200);
        }
        send(List.of(parsed(cid, "8/a", "LD50", 1, "g/kg", "rat", "oral"))).statusCode(200)
                .body("results[0].status", equalTo("rejected"));
        assertEquals(0, count("select count(*) from chem.toxicity where molecule_id = '" + molecule + "'"));
        assertThrows(SQLException.class, () -> asUser(creator, "update chem.molecules set pubchem_cid = 1 where id = '"
                + molecule + "'"));
    }

    /** V11's PL/pgSQL shared_molecule answers exactly as V8's SQL one for every caller, row and right. */
    @Test
    void v11SharedMoleculeMeansWhatV8Meant() throws SQLException {
        Api creator = Api.user();
        Api editor = Api.user();
        Api viewer = Api.user();
        Api outsider = Api.user();
        String team = creator.createTeam("Equivalence team");
        creator.addMember(team, editor, "editor");
        creator.addMember(team, viewer, "viewer");
        String project = creator.createProject(team, "Equivalence project");
        creator.link(project, creator.createMolecule("Shared", ToxicityFixtures.uniqueSmiles()));
        String outsiders = outsider.createMolecule("Outsider's", ToxicityFixtures.uniqueSmiles());
        outsider.request().body(Map.of("is_public", true)).patch("/api/molecules/" + outsiders).then().statusCode(200);
        editor.link(project, outsiders); // a reference
        editor.link(project, editor.createMolecule("Editor's", ToxicityFixtures.uniqueSmiles()));

        try (Connection db = TestDatabase.superuser(database)) {
            db.setAutoCommit(false);
            db.createStatement().execute("""
                    create function pg_temp.v8_shared_molecule(p_molecule_id uuid, p_right text) returns boolean
                        language sql stable set search_path = '' as $$
                        select exists (
                            select 1 from chem.project_molecules pm
                            join chem.projects p on p.id = pm.project_id
                            join chem.team_members tm on tm.team_id = p.team_id
                            where pm.molecule_id = p_molecule_id
                              and tm.user_id = chem_private.uid()
                              and pm.grants <> 'reference'
                              and case p_right when 'manage' then tm.role = 'owner'
                                               when 'change' then tm.role in ('owner', 'editor')
                                               else true end)
                    $$""");
            int compared = 0;
            for (String user : List.of(creator.userId().toString(), editor.userId().toString(), viewer.userId().toString(),
                    outsider.userId().toString(), UUID.randomUUID().toString(), "")) {
                db.createStatement().execute("select set_config('request.jwt.claim.sub', '" + user + "', true)");
                try (ResultSet rs = db.createStatement().executeQuery("""
                        select count(*) filter (where chem_private.shared_molecule(m.id, r.r)
                                                      is distinct from pg_temp.v8_shared_molecule(m.id, r.r)),
                               count(*), count(*) filter (where chem_private.shared_molecule(m.id, r.r))
                        from chem.molecules m
                        cross join (values ('read'), ('change'), ('manage'), ('other'), (null)) r(r)""")) {
                    rs.next();
                    assertEquals(0, rs.getLong(1), "answers differ for user '" + user + "'");
                    compared += rs.getInt(3);
                }
            }
            db.rollback();
            // creator and editor read, change, manage (creator), other and null on the two shares; viewer reads
            assertEquals(true, compared > 10, "the comparison met shares");
            try (ResultSet rs = db.createStatement().executeQuery("""
                    select p.prosecdef, p.provolatile, p.proconfig::text, l.lanname
                    from pg_proc p join pg_language l on l.oid = p.prolang
                    where p.oid = 'chem_private.shared_molecule(uuid, text)'::regprocedure""")) {
                rs.next();
                assertEquals(true, rs.getBoolean(1), "security definer");
                assertEquals("s", rs.getString(2), "stable");
                assertEquals("{\"search_path=\\\"\\\"\"}", rs.getString(3));
                assertEquals("plpgsql", rs.getString(4));
            }
            try (ResultSet rs = db.createStatement().executeQuery(
                    "select exists (select 1 from aclexplode((select proacl from pg_proc "
                            + "where oid = 'chem_private.shared_molecule(uuid, text)'::regprocedure)) a where a.grantee = 0)")) {
                rs.next();
                assertEquals(false, rs.getBoolean(1), "PUBLIC may not execute it");
            }
        }
    }

    private static io.restassured.response.ValidatableResponse ranking(Api who, String name) {
        return who.request().queryParam("endpoint", "LD50").queryParam("species", "rat").queryParam("route", "oral")
                .queryParam("q", name).get("/api/toxicity/ranking").then().statusCode(200);
    }

    /** [toxicity_stats rows, of them the rat/oral group, toxicity_counts rows] the user reads of the molecule. */
    private long[] statsRowsSeenBy(Api user, String molecule) throws SQLException {
        try (Connection db = session(user)) {
            return statsRows(db, molecule);
        }
    }

    private long[] statsRowsSeenAnonymously(String molecule) throws SQLException {
        try (Connection db = TestDatabase.login(database, TestDatabase.AUTHENTICATOR)) {
            db.setAutoCommit(false);
            db.createStatement().execute("select set_config('role', 'cryo_anon', true)");
            return statsRows(db, molecule);
        }
    }

    private static long[] statsRows(Connection db, String molecule) throws SQLException {
        try (ResultSet rs = db.createStatement().executeQuery(
                "select (select count(*) from chem.toxicity_stats where molecule_id = '" + molecule + "'), "
                        + "(select count(*) from chem.toxicity_stats where molecule_id = '" + molecule
                        + "' and species = 'rat' and route = 'oral'), "
                        + "(select count(*) from chem.toxicity_counts where molecule_id = '" + molecule + "')")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
        }
    }

    private static long sum(long[] counts) {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        return total;
    }

    /** A transaction as the user, through the authenticator and the request role, left open. */
    private Connection session(Api user) throws SQLException {
        Connection db = TestDatabase.login(database, TestDatabase.AUTHENTICATOR);
        db.setAutoCommit(false);
        db.createStatement().execute("select set_config('role', 'cryo_authenticated', true), "
                + "set_config('request.jwt.claim.sub', '" + user.userId() + "', true)");
        return db;
    }

    private void asUser(Api user, String sql) throws SQLException {
        try (Connection db = session(user)) {
            db.createStatement().execute(sql);
            db.commit();
        }
    }

    private static int pid(Connection db) throws SQLException {
        try (ResultSet rs = db.createStatement().executeQuery("select pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private void superuser(String sql) throws SQLException {
        try (Connection db = TestDatabase.superuser(database)) {
            db.createStatement().execute(sql);
        }
    }

    private long count(String sql) {
        return ToxicityFixtures.count(database, sql);
    }

    private String snapshot() {
        return ToxicityFixtures.snapshot(database, "toxicity", "toxicity_stats", "toxicity_counts", "molecules");
    }
}
