package org.cryoprotect.molecule.rest;

import static org.cryoprotect.molecule.ToxicityFixtures.parsed;
import static org.cryoprotect.molecule.ToxicityFixtures.send;
import static org.cryoprotect.molecule.ToxicityFixtures.unparsed;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.cryoprotect.common.testing.TestDatabase;
import org.cryoprotect.common.testing.TestTokens;
import org.cryoprotect.molecule.Api;
import org.cryoprotect.molecule.ToxicityFixtures;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** POST /api/toxicity/batch: what import-service sends, item by item, idempotent, for service clients only. */
@QuarkusTest
class ToxicityBatchTest {

    @ConfigProperty(name = "cryo.test.database")
    String database;

    @Test
    void createdThenUnchangedThenUpdatedWithRejectionsPerItem() {
        long cid = ToxicityFixtures.cid();
        String molecule = ToxicityFixtures.registryMolecule(cid, "Batch tox subject");
        String chemblMolecule = Api.service().request().body(Map.of("records", List.of(Map.of("source", "chembl",
                        "source_id", "CHEMBL77000" + (cid % 1000), "name", "Batch tox ChEMBL subject",
                        "smiles", ToxicityFixtures.uniqueSmiles()))))
                .post("/api/molecules/batch").then().statusCode(200).extract().path("results[0].id");
        Map<String, Object> chembl = new HashMap<>(Map.of("source", "chembl", "chembl_id", "CHEMBL77000" + (cid % 1000),
                "record", "31337" + cid, "reference", "CHEMBL1123456", "endpoint", "IC50", "relation", "'='",
                "value", 50.0, "unit", "nM", "details", Map.of("assay_type", "T", "target_organism", "Rattus norvegicus")));
        Map<String, Object> noUnit = parsed(cid, "22/ddd", "LD50", 5.0, "mg/kg", "rat", "oral");
        noUnit.remove("unit");
        List<Map<String, Object>> batch = List.of(
                parsed(cid, "19/aaa", "LD50", 780, "mg/kg", "Rat", "oral"),
                parsed(cid, "20/bbb", "LD50", 14.5, "g/kg", "Mouse", "ip"),
                unparsed(cid, "21/ccc", "Toxic in large doses", "no value and unit"),
                chembl,
                parsed(999_999_999L, "1/zzz", "LD50", 1, "g/kg", "rat", "oral"),
                noUnit,
                parsed(cid, "19/aaa", "LD50", 790, "mg/kg", "Rat", "oral"),
                parsed(cid, "23/eee", "LDLo", 1.4, "mL/kg", "Human", "oral"));

        var first = send(batch).statusCode(200).body("results", hasSize(8))
                .body("results.status", equalTo(List.of("created", "created", "created", "created", "rejected", "rejected",
                        "rejected", "created")))
                .body("results[4].error", equalTo("no public molecule with PubChem CID 999999999"))
                .body("results[4].id", nullValue())
                .body("results[5].error", containsString("unit"))
                .body("results[6].error", containsString("measurement 0"))
                .extract();
        List<String> ids = first.path("results.id");

        // the same batch again changes nothing, and names the same rows
        String before = snapshot();
        send(batch).statusCode(200)
                .body("results.status", equalTo(List.of("unchanged", "unchanged", "unchanged", "unchanged", "rejected",
                        "rejected", "rejected", "unchanged")))
                .body("results.id", equalTo(ids));
        assertEquals(before, snapshot(), "a repeated batch changed schema chem");

        // a source record that now says something else is updated in place
        List<Map<String, Object>> changed = new ArrayList<>(batch);
        changed.set(0, parsed(cid, "19/aaa", "LD50", 800, "mg/kg", "Rat", "oral"));
        send(changed).statusCode(200).body("results[0].status", equalTo("updated")).body("results[0].id", equalTo(ids.get(0)))
                .body("results[1].status", equalTo("unchanged"));

        Api.anonymous().request().get("/api/toxicity?molecule_id=" + molecule + "&limit=50").then().statusCode(200)
                .body("items", hasSize(4))
                .body("items.find { it.source_record == '19/aaa' }.value", equalTo(800.0))
                .body("items.find { it.source_record == '19/aaa' }.species", equalTo("rat"))
                .body("items.find { it.source_record == '19/aaa' }.species_reported", equalTo("Rat"))
                .body("items.find { it.source_record == '19/aaa' }.original_text", equalTo("LD50 Rat oral 800.0 mg/kg"))
                .body("items.find { it.source_record == '19/aaa' }.reference", equalTo("Test reference for 19/aaa"))
                .body("items.find { it.source_record == '20/bbb' }.route", equalTo("intraperitoneal"))
                .body("items.find { it.source_record == '20/bbb' }.route_reported", equalTo("ip"))
                .body("items.find { it.source_record == '20/bbb' }.normalized_value", equalTo(14500.0))
                .body("items.find { it.source_record == '20/bbb' }.normalized_unit", equalTo("mg/kg"))
                .body("items.find { it.source_record == '21/ccc' }.unparsed_reason", equalTo("no value and unit"))
                .body("items.find { it.source_record == '21/ccc' }.parsed", equalTo(false))
                .body("items.find { it.source_record == '19/aaa' }.parsed", equalTo(true))
                .body("items.find { it.source_record == '21/ccc' }.original_text", equalTo("Toxic in large doses"))
                .body("items.find { it.source_record == '21/ccc' }.value", nullValue())
                .body("items.find { it.source_record == '23/eee' }.normalized_value", nullValue())
                .body("items.find { it.source_record == '23/eee' }.normalization_note", notNullValue())
                .body("items.find { it.source_record == '23/eee' }.created_by", nullValue());
        Api.anonymous().request().get("/api/toxicity?molecule_id=" + chemblMolecule).then().statusCode(200)
                .body("items[0].relation", equalTo("="))
                .body("items[0].source", equalTo("chembl"))
                .body("items[0].normalized_value", closeTo(0.05, 1e-9))
                .body("items[0].normalized_unit", equalTo("µM"))
                .body("items[0].details.target_organism", equalTo("Rattus norvegicus"));
        Api.anonymous().request().get("/api/toxicity?molecule_id=" + molecule + "&parsed=false").then()
                .body("items.source_record", equalTo(List.of("21/ccc")));
        Api.anonymous().request().get("/api/toxicity?molecule_id=" + molecule + "&source=chembl").then()
                .body("items", hasSize(0));

        Api.anonymous().request().get("/api/toxicity/summary?molecule_id=" + molecule).then().statusCode(200)
                .body("molecule_id", equalTo(molecule))
                .body("measurements", equalTo(4)).body("unparsed", equalTo(1))
                .body("groups", hasSize(2))
                .body("groups.find { it.species == 'rat' }.median", equalTo(800.0))
                .body("groups.find { it.species == 'mouse' }.route", equalTo("intraperitoneal"));
        Api.anonymous().request().get("/api/molecules/" + molecule).then().statusCode(200)
                .body("toxicity.measurements", equalTo(4)).body("toxicity.unparsed", equalTo(1))
                .body("toxicity.groups", hasSize(2)).body("toxicity.groups[0].count", equalTo(1));
    }

    @Test
    void usersOfEveryRoleAreRefusedAndNothingChanges() {
        long cid = ToxicityFixtures.cid();
        String molecule = ToxicityFixtures.registryMolecule(cid, "Batch tox refused");
        Api owner = Api.user();
        String team = owner.createTeam("Importers of nothing");
        String project = owner.createProject(team, "Linked registry row");
        owner.link(project, molecule);
        Map<String, Object> body = Map.of("measurements", List.of(parsed(cid, "1/refused", "LD50", 1, "g/kg", "rat", "oral")));

        String before = snapshot();
        owner.request().body(body).post("/api/toxicity/batch").then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("service clients"));
        Api.user().request().body(body).post("/api/toxicity/batch").then().statusCode(403);
        Api.anonymous().request().body(body).post("/api/toxicity/batch").then().statusCode(401);
        new Api(TestTokens.service("reader", Api.AUDIENCE, "molecules:read"), null).request().body(body)
                .post("/api/toxicity/batch").then().statusCode(403);
        assertEquals(before, snapshot(), "a refused batch changed schema chem");
        send(List.of(parsed(cid, "1/refused", "LD50", 1, "g/kg", "rat", "oral"))).statusCode(200)
                .body("results[0].status", equalTo("created"));
    }

    @Test
    void privateMoleculesAreNotTargets() {
        Api user = Api.user();
        String mine = user.createMolecule("Batch tox private", ToxicityFixtures.uniqueSmiles());
        long cid = ToxicityFixtures.cid();
        try (Connection db = TestDatabase.superuser(database)) {
            db.createStatement().execute("update chem.molecules set pubchem_cid = " + cid + " where id = '" + mine + "'");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        send(List.of(parsed(cid, "1/private", "LD50", 1, "g/kg", "rat", "oral"))).statusCode(200)
                .body("results[0].status", equalTo("rejected"))
                .body("results[0].error", equalTo("no public molecule with PubChem CID " + cid));
    }

    @Test
    void wholeRequestProblemsAre4xx() {
        long cid = ToxicityFixtures.cid();
        String before = snapshot();
        Api service = Api.service();
        service.request().body(Map.of("measurements", List.of())).post("/api/toxicity/batch").then().statusCode(400)
                .contentType("application/problem+json");
        service.request().body(Map.of("measurements", Collections.nCopies(1001, parsed(cid, "1/x", "LD50", 1, "g/kg", "rat", "oral"))))
                .post("/api/toxicity/batch").then().statusCode(400).body("detail", containsString("measurements"));
        service.request().body("{\"measurements\": [").post("/api/toxicity/batch").then().statusCode(400)
                .contentType("application/problem+json");
        Map<String, Object> unknown = new HashMap<>(parsed(cid, "1/x", "LD50", 1, "g/kg", "rat", "oral"));
        unknown.put("colour", "blue");
        service.request().body(Map.of("measurements", List.of(unknown))).post("/api/toxicity/batch").then().statusCode(400)
                .body("detail", containsString("colour"));
        service.request().body(Map.of("measurements", List.of(Map.of("source", "pubchem", "pubchem_cid", "many"))))
                .post("/api/toxicity/batch").then().statusCode(400);
        assertEquals(before, snapshot());
    }

    @Test
    void itemProblemsAreRejectionsThatSayWhy() {
        long cid = ToxicityFixtures.cid();
        ToxicityFixtures.registryMolecule(cid, "Batch tox item checks");
        Map<String, Object> wrongSource = new HashMap<>(parsed(cid, "1/a", "LD50", 1, "g/kg", "rat", "oral"));
        wrongSource.put("source", "manual");
        Map<String, Object> noRecord = new HashMap<>(parsed(cid, "1/b", "LD50", 1, "g/kg", "rat", "oral"));
        noRecord.remove("record");
        Map<String, Object> badRelation = new HashMap<>(parsed(cid, "1/c", "LD50", 1, "g/kg", "rat", "oral"));
        badRelation.put("relation", "about");
        Map<String, Object> noMolecule = new HashMap<>(parsed(cid, "1/d", "LD50", 1, "g/kg", "rat", "oral"));
        noMolecule.remove("pubchem_cid");
        Map<String, Object> unparsedWithoutText = unparsed(cid, "1/e", null, "nothing to parse");
        send(List.of(wrongSource, noRecord, badRelation, noMolecule, unparsedWithoutText,
                        parsed(cid, "1/f", "LD50", 1, "g/kg", "rat", "oral")))
                .statusCode(200)
                .body("results[0].error", containsString("source"))
                .body("results[1].error", containsString("record"))
                .body("results[2].error", containsString("relation"))
                .body("results[3].error", containsString("pubchem_cid or chembl_id"))
                .body("results[4].error", containsString("text"))
                .body("results[5].status", equalTo("created"));
    }

    /** Every row of the toxicity tables, hashed. */
    private String snapshot() {
        try (Connection db = TestDatabase.superuser(database);
                ResultSet rs = db.createStatement().executeQuery("""
                        select md5(coalesce(string_agg(r, '|' order by r), '')) from (
                            select 't' || x::text as r from chem.toxicity x union all
                            select 's' || x::text from chem.toxicity_stats x union all
                            select 'c' || x::text from chem.toxicity_counts x union all
                            select 'm' || x::text from chem.molecules x) rows""")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
