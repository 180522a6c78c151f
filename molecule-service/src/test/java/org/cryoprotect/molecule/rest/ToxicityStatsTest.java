package org.cryoprotect.molecule.rest;

import static org.cryoprotect.molecule.ToxicityFixtures.parsed;
import static org.cryoprotect.molecule.ToxicityFixtures.send;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.cryoprotect.common.testing.TestDatabase;
import org.cryoprotect.molecule.Api;
import org.cryoprotect.molecule.ToxicityFixtures;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;

/**
 * chem.toxicity_stats and chem.toxicity_counts follow every write (the statement triggers of V9), and
 * the policies keep imported provenance and the statistics out of researchers' hands.
 */
@QuarkusTest
class ToxicityStatsTest {

    @ConfigProperty(name = "cryo.test.database")
    String database;

    @Test
    void statisticsFollowInsertsUpdatesAndDeletes() {
        Api user = Api.user();
        String molecule = user.createMolecule("Stats subject", ToxicityFixtures.uniqueSmiles());
        String path = "/api/molecules/" + molecule + "/toxicity";
        String one = user.addToxicity(molecule, 1);
        user.addToxicity(molecule, 2);
        String four = user.addToxicity(molecule, 4);
        user.request().body(Map.of("endpoint", "LD50", "species", "Mouse", "route", "ip", "value", 30, "unit", "mL/kg"))
                .post(path).then().statusCode(201).body("normalized_value", equalTo(null))
                .body("species", equalTo("mouse")).body("route", equalTo("intraperitoneal"))
                .body("species_reported", equalTo("Mouse")).body("route_reported", equalTo("ip"))
                .body("normalization_note", org.hamcrest.Matchers.notNullValue());
        summary(user, molecule).body("measurements", equalTo(4)).body("groups.size()", equalTo(1))
                .body("groups[0].median", equalTo(2000.0)).body("groups[0].max", equalTo(4000.0));
        assertConsistent();

        user.request().body(Map.of("value", 10)).patch("/api/toxicity/" + four).then().statusCode(200);
        summary(user, molecule).body("groups[0].max", equalTo(10000.0)).body("groups[0].median", equalTo(2000.0));
        user.request().body(Map.of("species", "Mus musculus")).patch("/api/toxicity/" + one).then().statusCode(200)
                .body("species", equalTo("mouse")).body("species_reported", equalTo("Mus musculus"));
        summary(user, molecule).body("groups.species", equalTo(List.of("mouse", "rat")))
                .body("groups.find { it.species == 'rat' }.median", equalTo(6000.0));
        assertConsistent();

        user.request().delete("/api/toxicity/" + one).then().statusCode(204);
        summary(user, molecule).body("measurements", equalTo(3)).body("groups.size()", equalTo(1))
                .body("groups[0].count", equalTo(2));
        assertConsistent();

        user.request().delete("/api/molecules/" + molecule).then().statusCode(204);
        assertEquals(0, count("select count(*) from chem.toxicity_stats where molecule_id = '" + molecule + "'")
                + count("select count(*) from chem.toxicity_counts where molecule_id = '" + molecule + "'"));
        assertConsistent();
    }

    @Test
    void importedRowsAndDeletedRegistryMoleculesKeepTheStatisticsRight() {
        long cid = ToxicityFixtures.cid();
        String molecule = ToxicityFixtures.registryMolecule(cid, "Stats registry subject");
        send(List.of(parsed(cid, "1/a", "LD50", 1, "g/kg", "rat", "oral"), parsed(cid, "1/b", "LD50", 3, "g/kg", "rat", "oral")))
                .statusCode(200);
        // the same record moves to another group: the old group shrinks
        send(List.of(parsed(cid, "1/b", "LD50", 3, "g/kg", "rabbit", "dermal"))).statusCode(200)
                .body("results[0].status", equalTo("updated"));
        summary(Api.anonymous(), molecule).body("groups.species", equalTo(List.of("rabbit", "rat")))
                .body("groups.count", equalTo(List.of(1, 1)));
        assertConsistent();
        Api.service().request().delete("/api/molecules/" + molecule).then().statusCode(204);
        assertEquals(0, count("select count(*) from chem.toxicity_stats where molecule_id = '" + molecule + "'"));
        assertConsistent();
    }

    /** Each write as a researcher who may change the molecule, straight through the policies and grants. */
    @ParameterizedTest
    @ValueSource(strings = {
        "insert into chem.toxicity (molecule_id, endpoint, value, unit, source, reference, created_by) values ({m}, 'LD50', 1, 'g/kg', 'pubchem', 'x', {u})",
        "insert into chem.toxicity (molecule_id, endpoint, value, unit, source, reference, created_by) values ({m}, 'LD50', 1, 'g/kg', 'chembl', 'x', {u})",
        "insert into chem.toxicity (molecule_id, endpoint, value, unit, source, source_record, created_by) values ({m}, 'LD50', 1, 'g/kg', 'manual', '1/x', {u})",
        "insert into chem.toxicity (molecule_id, source, original_text, unparsed_reason, created_by) values ({m}, 'manual', 'LD50 high', 'no value', {u})",
        "insert into chem.toxicity (molecule_id, endpoint, value, unit, source, details, created_by) values ({m}, 'LD50', 1, 'g/kg', 'manual', '{}', {u})",
        "update chem.toxicity set source_record = '1/x' where molecule_id = {m}",
        "update chem.toxicity set source = 'pubchem' where molecule_id = {m}",
        "update chem.toxicity set details = '{}' where molecule_id = {m}",
        "insert into chem.toxicity_stats (molecule_id, endpoint, species, route, unit, n, min, median, max) values ({m}, 'LD50', 'rat', 'oral', 'mg/kg', 1, 1, 1, 1)",
        "update chem.toxicity_stats set median = 1 where molecule_id = {m}",
        "delete from chem.toxicity_stats where molecule_id = {m}",
        "update chem.toxicity_counts set unparsed = 9 where molecule_id = {m}",
        "select chem_private.refresh_toxicity_stats(array[{m}])",
        "select chem_private.rebuild_toxicity_stats()"})
    void researchersCannotWriteImportedProvenanceNorStatistics(String statement) throws SQLException {
        Api user = Api.user();
        String molecule = user.createMolecule("Provenance subject", ToxicityFixtures.uniqueSmiles());
        user.addToxicity(molecule, 1);
        String before = snapshot();
        String sql = statement.replace("{m}", "'" + molecule + "'::uuid").replace("{u}", "'" + user.userId() + "'::uuid");
        SQLException refused = assertThrows(SQLException.class, () -> asUser(user, sql));
        assertEquals("42501", refused.getSQLState(), refused::getMessage);
        assertEquals(before, snapshot());
        // the same researcher's own manual measurement goes in (the rule, not the setup, refused the above)
        asUser(user, "insert into chem.toxicity (molecule_id, endpoint, value, unit, source, created_by) values ('"
                + molecule + "', 'LD50', 7, 'g/kg', 'manual', '" + user.userId() + "')");
    }

    private static io.restassured.response.ValidatableResponse summary(Api who, String molecule) {
        return who.request().get("/api/toxicity/summary?molecule_id=" + molecule).then().statusCode(200);
    }

    private void asUser(Api user, String sql) throws SQLException {
        try (Connection db = TestDatabase.login(database, TestDatabase.AUTHENTICATOR)) {
            db.setAutoCommit(false);
            db.createStatement().execute("select set_config('role', 'cryo_authenticated', true), "
                    + "set_config('request.jwt.claim.sub', '" + user.userId() + "', true)");
            db.createStatement().execute(sql);
            db.commit();
        }
    }

    /** The statistics tables hold exactly what a recomputation from the measurements gives. */
    private void assertConsistent() {
        assertEquals(0, count("""
                with fresh as (
                    select t.molecule_id, t.endpoint,
                           case when grouping(t.species) = 1 then '*' else t.species end as species,
                           case when grouping(t.route) = 1 then '*' else t.route end as route,
                           t.normalized_unit as unit, count(*)::int as n, min(t.normalized_value) as min,
                           percentile_cont(0.5) within group (order by t.normalized_value) as median, max(t.normalized_value) as max
                    from chem.toxicity t
                    where t.unparsed_reason is null and t.normalized_value is not null
                    group by grouping sets ((t.molecule_id, t.endpoint, t.normalized_unit, t.species, t.route),
                                            (t.molecule_id, t.endpoint, t.normalized_unit, t.species),
                                            (t.molecule_id, t.endpoint, t.normalized_unit, t.route),
                                            (t.molecule_id, t.endpoint, t.normalized_unit))),
                kept as (select molecule_id, endpoint, species, route, unit, n, min, median, max from chem.toxicity_stats),
                fresh_counts as (select molecule_id, count(*)::int as measurements,
                                        (count(*) filter (where unparsed_reason is not null))::int as unparsed
                                 from chem.toxicity group by molecule_id)
                select (select count(*) from chem.toxicity_stats s join chem.molecules m on m.id = s.molecule_id
                        where s.molecule_public <> m.is_public)
                     + (select count(*) from ((select * from fresh except select * from kept)
                                              union all (select * from kept except select * from fresh)) d)
                     + (select count(*) from ((select * from fresh_counts except select * from chem.toxicity_counts)
                                              union all (select * from chem.toxicity_counts except select * from fresh_counts)) c)"""),
                "statistics differ from a recomputation");
    }

    private long count(String sql) {
        return ToxicityFixtures.count(database, sql);
    }

    private String snapshot() {
        return ToxicityFixtures.snapshot(database, "toxicity", "toxicity_stats", "toxicity_counts");
    }
}
