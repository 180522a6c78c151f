package org.cryoprotect.molecule.rest;

import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.cryoprotect.molecule.Api;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class MoleculeApiTest {

    private final Api service = Api.service();

    @Test
    void createComputesPropertiesWithCdk() {
        Api user = Api.user();
        user.request().body(Map.of("name", "Ethylene glycol (test)", "smiles", "OCCO")).post("/api/molecules")
                .then().statusCode(201)
                .header("Location", containsString("/api/molecules/"))
                .body("formula", equalTo("C2H6O2"))
                .body("inchikey", equalTo("LYCAIKOWRPUZTN-UHFFFAOYSA-N"))
                .body("is_public", equalTo(false))
                .body("created_by", equalTo(user.userId().toString()))
                .body("properties.molecular_weight.value", closeTo(62.07, 0.01))
                .body("properties.molecular_weight.unit", equalTo("g/mol"))
                .body("properties.molecular_weight.source", equalTo("cdk"))
                .body("properties.hbd.value", equalTo(2.0))
                .body("synonyms", hasItem("Ethylene glycol (test)"));
    }

    /** List items pass from PostgreSQL to the response as UTF-8 bytes: text beyond ASCII must arrive unchanged. */
    @Test
    void listItemsKeepTextBeyondAscii() {
        Api user = Api.user();
        String name = "Glycérol β-test " + java.util.UUID.randomUUID();
        user.request().body(Map.of("name", name, "smiles", "OCC(O)CO")).post("/api/molecules").then().statusCode(201);
        user.request().queryParam("q", name).get("/api/molecules").then().statusCode(200)
                .contentType(containsString("application/json"))
                .body("items", hasSize(1)).body("items[0].name", equalTo(name))
                .body("items[0].properties.tpsa.unit", equalTo("Å²")).body("next_cursor", nullValue());
    }

    @Test
    void invalidSmilesIsA422ThatSaysWhy() {
        Api user = Api.user();
        user.request().body(Map.of("name", "bad", "smiles", "C(C)(C)(C)(C)C")).post("/api/molecules")
                .then().statusCode(422).contentType("application/problem+json").body("detail", containsString("valence"));
        user.request().body(Map.of("name", "bad", "smiles", "")).post("/api/molecules")
                .then().statusCode(422).body("detail", containsString("empty"));
        user.request().body(Map.of("name", "bad", "smiles", "C1CC")).post("/api/molecules")
                .then().statusCode(422).body("detail", containsString("SMILES"));
    }

    @Test
    void batchUpsertIsIdempotentAndReportsEachRecord() {
        List<Map<String, Object>> records = List.of(
                Map.of("source", "pubchem", "source_id", "679", "name", "Dimethyl sulfoxide (batch)", "smiles", "CS(=O)C",
                        "synonyms", List.of("DMSO"), "properties", Map.of("molecular_weight", "78.13", "xlogp", -1.4)),
                Map.of("source", "chembl", "source_id", "CHEMBL985", "name", "UREA", "smiles", "NC(N)=O"),
                Map.of("source", "pubchem", "source_id", "1", "name", "broken", "smiles", "C(C)(C)(C)(C)C"),
                Map.of("source", "pubchem", "source_id", "679", "name", "DMSO again", "smiles", "C[S+](C)[O-]"));

        var first = service.request().body(Map.of("records", records)).post("/api/molecules/batch")
                .then().statusCode(200).body("results", hasSize(4))
                .body("results[0].status", equalTo("created"))
                .body("results[1].status", equalTo("created"))
                .body("results[2].status", equalTo("rejected"))
                .body("results[2].error", containsString("valence"))
                .body("results[3].status", equalTo("rejected"))
                .body("results[3].error", containsString("record 0"))
                .extract();
        String dmso = first.path("results[0].id");

        service.request().body(Map.of("records", records)).post("/api/molecules/batch")
                .then().statusCode(200)
                .body("results[0].status", equalTo("unchanged"))
                .body("results[1].status", equalTo("unchanged"))
                .body("results[0].id", equalTo(dmso));

        Api.anonymous().request().get("/api/molecules/" + dmso).then().statusCode(200)
                .body("pubchem_cid", equalTo(679))
                .body("is_public", equalTo(true))
                .body("properties.molecular_weight.source", equalTo("pubchem"))
                .body("properties.xlogp.value", equalTo(-1.4))
                .body("properties.tpsa.source", equalTo("cdk"))
                .body("synonyms", hasItem("DMSO"));
        // imported measurements have one way in, POST /api/toxicity/batch: a record carrying them is refused whole
        service.request().body(Map.of("records", List.of(Map.of("source", "pubchem", "source_id", "679",
                        "name", "DMSO with toxicity", "smiles", "CS(=O)C",
                        "toxicity", List.of(Map.of("endpoint", "LD50", "value", 14.5, "unit", "g/kg"))))))
                .post("/api/molecules/batch").then().statusCode(200)
                .body("results[0].status", equalTo("rejected"))
                .body("results[0].error", containsString("POST /api/toxicity/batch"));
        Api.anonymous().request().get("/api/toxicity/summary?molecule_id=" + dmso).then().statusCode(200)
                .body("measurements", equalTo(0));

        // a later record from another source adds its cross-reference: updated, same id
        // (written charge-separated, as ChEMBL does: CDK's TPSA differs, yet must not flip back and forth)
        Map<String, Object> chembl = Map.of("records", List.of(Map.of("source", "chembl", "source_id", "CHEMBL504",
                "name", "DIMETHYL SULFOXIDE", "smiles", "C[S+](C)[O-]")));
        service.request().body(chembl).post("/api/molecules/batch").then().statusCode(200)
                .body("results[0].status", equalTo("updated")).body("results[0].id", equalTo(dmso));
        service.request().body(chembl).post("/api/molecules/batch").then().statusCode(200)
                .body("results[0].status", equalTo("unchanged"));
        service.request().body(Map.of("records", List.of(records.get(0)))).post("/api/molecules/batch").then()
                .statusCode(200).body("results[0].status", equalTo("unchanged"));
        Api.anonymous().request().get("/api/molecules/" + dmso).then().body("chembl_id", equalTo("CHEMBL504"))
                .body("name", equalTo("Dimethyl sulfoxide (batch)"));
    }

    @Test
    void batchIsForServiceClientsWithTheWriteScope() {
        Map<String, Object> body = Map.of("records", List.of(Map.of("source", "pubchem", "source_id", "702",
                "name", "Ethanol", "smiles", "CCO")));
        Api.user().request().body(body).post("/api/molecules/batch").then().statusCode(403);
        Api.anonymous().request().body(body).post("/api/molecules/batch").then().statusCode(401);
        new Api(org.cryoprotect.common.testing.TestTokens.service("reader", Api.AUDIENCE, "molecules:read"), null)
                .request().body(body).post("/api/molecules/batch").then().statusCode(403);
    }

    @Test
    void publishingAPrivateCopyOfAPublicStructureNamesThePublicEntry() {
        Api user = Api.user();
        String privateId = user.request().body(Map.of("name", "my acetamide", "smiles", "CC(N)=O")).post("/api/molecules")
                .then().statusCode(201).extract().path("id");
        String publicAcetamide = service.createMolecule("Acetamide (public)", "CC(=O)N");
        assertNotEquals(privateId, publicAcetamide);
        user.request().body(Map.of("is_public", true)).patch("/api/molecules/" + privateId)
                .then().statusCode(409).body("detail", containsString(publicAcetamide));
        user.request().get("/api/molecules/" + privateId).then().body("is_public", equalTo(false));
    }

    @Test
    void ownersRenamePublishAndDelete() {
        Api user = Api.user();
        String id = user.createMolecule("Pentanediol draft", "OCCCCCO");
        user.request().body(Map.of("name", "1,5-Pentanediol", "synonyms", List.of("pentamethylene glycol"),
                        "properties", Map.of("melting_point", -18.0)))
                .patch("/api/molecules/" + id).then().statusCode(200)
                .body("name", equalTo("1,5-Pentanediol"))
                .body("synonyms", hasItem("pentamethylene glycol"))
                .body("properties.melting_point.source", equalTo("manual"));
        user.request().body(Map.of("is_public", true)).patch("/api/molecules/" + id).then().statusCode(200)
                .body("is_public", equalTo(true));
        Api.anonymous().request().get("/api/molecules/" + id).then().statusCode(200);
        user.request().delete("/api/molecules/" + id).then().statusCode(204);
        user.request().get("/api/molecules/" + id).then().statusCode(404);
    }

    @Test
    void searchFiltersAndKeysetPagination() {
        List<Map<String, Object>> records = new ArrayList<>();
        String[] alcohols = {"CCCO", "CCCCO", "CCCCCO", "CCCCCCO", "CCCCCCCO"};
        for (int i = 0; i < alcohols.length; i++) {
            records.add(Map.of("source", "pubchem", "source_id", String.valueOf(900_000 + i), "name", "Pagetest alcohol " + i,
                    "smiles", alcohols[i]));
        }
        service.request().body(Map.of("records", records)).post("/api/molecules/batch").then().statusCode(200);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var page = Api.anonymous().request()
                    .get("/api/molecules?q=pagetest&limit=2" + (cursor == null ? "" : "&cursor=" + cursor))
                    .then().statusCode(200).extract();
            seen.addAll(page.path("items.name"));
            cursor = page.path("next_cursor");
        } while (cursor != null);
        assertEquals(List.of("Pagetest alcohol 0", "Pagetest alcohol 1", "Pagetest alcohol 2", "Pagetest alcohol 3",
                "Pagetest alcohol 4"), seen);

        Api.anonymous().request().get("/api/molecules?q=pagetest&mw_min=70&mw_max=90")
                .then().statusCode(200).body("items.name", equalTo(List.of("Pagetest alcohol 1", "Pagetest alcohol 2")));
        Api.anonymous().request().get("/api/molecules?formula=C3H8O").then().statusCode(200)
                .body("items.name", hasItem("Pagetest alcohol 0"));
        Api.anonymous().request().get("/api/molecules?inchikey=BDERNNFJNOPAEC-UHFFFAOYSA-N").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].name", equalTo("Pagetest alcohol 0"));
        Api.anonymous().request().get("/api/molecules?q=pagetest&logp_min=1.5&tpsa_max=25").then().statusCode(200)
                .body("items.properties.xlogp.value", everyItem(org.hamcrest.Matchers.greaterThanOrEqualTo(1.5)));
    }

    @Test
    void depictionIsSvg() {
        String id = service.createMolecule("Depiction cyclohexanol", "OC1CCCCC1");
        Api.anonymous().request().accept("image/svg+xml").get("/api/molecules/" + id + "/depiction.svg")
                .then().statusCode(200).contentType("image/svg+xml").body(containsString("<svg"));
    }

    @Test
    void mixturesNormalizeConcentrations() {
        String propanediol = service.createMolecule("Mixture 1,3-propanediol", "OCCCO");
        String sulfoxide = service.createMolecule("Mixture ethyl methyl sulfoxide", "CCS(C)=O");
        Api user = Api.user();
        user.request().body(Map.of("name", "Test vitrification solution", "components", List.of(
                        Map.of("molecule_id", propanediol, "concentration", 0.1, "unit", "g/mL", "role", "cryoprotectant"),
                        Map.of("molecule_id", sulfoxide, "concentration", 10, "unit", "%v/v"))))
                .post("/api/mixtures").then().statusCode(201)
                .body("components.find { it.molecule_id == '" + propanediol + "' }.concentration_mol_per_l", closeTo(1.3142, 0.001))
                .body("components.find { it.molecule_id == '" + sulfoxide + "' }.concentration_mol_per_l", nullValue())
                .body("is_public", equalTo(false));
        user.request().get("/api/mixtures?q=Test vitrification").then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void publicSummaryServesPublicMoleculesToAnonymousCallers() throws InterruptedException {
        String id = service.createMolecule("Summary trehalose",
                "C([C@@H]1[C@H]([C@@H]([C@H]([C@H](O1)O[C@@H]2[C@@H]([C@H]([C@@H]([C@H](O2)CO)O)O)O)O)O)O)O");
        // refreshed after writes, debounced (200 ms in tests)
        org.awaitility.Awaitility.await("the public summary is refreshed").atMost(Duration.ofSeconds(10)).until(() -> {
            List<String> ids = Api.anonymous().request().get("/api/public/molecules?q=Summary trehalose")
                    .then().statusCode(200).extract().path("items.id");
            return ids.contains(id);
        });
        Api.anonymous().request().get("/api/public/molecules?q=Summary trehalose").then()
                .body("items[0].molecular_weight", notNullValue())
                .body("items[0].formula", equalTo("C12H22O11"));
    }
}
