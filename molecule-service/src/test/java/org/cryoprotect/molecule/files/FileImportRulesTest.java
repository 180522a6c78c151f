package org.cryoprotect.molecule.files;

import static org.cryoprotect.molecule.files.Files.SDF;
import static org.cryoprotect.molecule.files.Files.upload;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.cryoprotect.molecule.Api;
import org.cryoprotect.molecule.chem.InvalidStructureException;
import org.cryoprotect.molecule.chem.StructureCalculator;
import org.cryoprotect.molecule.exchange.Molfiles;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Who may import what: users create their own private rows only (never public, never registry, never
 * PubChem/ChEMBL provenance), the service role creates registry rows, anonymous callers nothing; the
 * identity rules of POST /molecules hold record by record; bad records are rejected by index while the
 * good ones land; a file refused as a whole (too many records, no smiles column, unknown type) writes nothing.
 */
@QuarkusTest
class FileImportRulesTest {

    private static final StructureCalculator CDK = new StructureCalculator();
    private static final Molfiles MOLFILES = new Molfiles(500, 600);

    @Test
    void anonymousImportIs401AndWritesNothing() {
        String smiles = "OCCCCCCCCCCCCCCCCCCCCCCCO";
        upload(Api.anonymous(), "text/plain", smiles + " anonymous tricosanediol\n").then().statusCode(401)
                .contentType("application/problem+json");
        visible(Api.service(), smiles).body("items", hasSize(0));
    }

    @Test
    void aUsersFileMakesPrivateRowsWithManualProvenanceWhateverItClaims() {
        Api user = Api.user();
        String csv = "smiles,name,is_public,pubchem_cid,chembl_id,xlogp,xlogp.source,boiling_point,boiling_point.source\r\n"
                + "OCCCCCCCCCCCCCCCCCCCCCCCCO,claims to be public,true,962,CHEMBL545,1.25,pubchem,301.5,chembl\r\n";
        String id = upload(user, "text/csv", csv).then().statusCode(200)
                .body("results[0].status", equalTo("created")).extract().path("results[0].id");
        user.request().get("/api/molecules/" + id).then().statusCode(200)
                .body("is_public", equalTo(false))
                .body("created_by", equalTo(user.userId().toString()))
                .body("pubchem_cid", nullValue()).body("chembl_id", nullValue())
                .body("properties.xlogp.value", equalTo(1.25)).body("properties.xlogp.source", equalTo("manual"))
                .body("properties.boiling_point.source", equalTo("manual"))
                .body("properties.tpsa.source", equalTo("cdk"));
        Api.anonymous().request().get("/api/molecules/" + id).then().statusCode(404);
        Api.user().request().get("/api/molecules/" + id).then().statusCode(404);
    }

    @Test
    void theServiceRoleImportsRegistryRows() {
        String id = upload(Api.service(), "text/plain", "OCCCCCCCCCCCCCCCCCCCCCCCCCCO registry hexacosanediol\n").then()
                .statusCode(200).body("results[0].status", equalTo("created")).extract().path("results[0].id");
        Api.anonymous().request().get("/api/molecules/" + id).then().statusCode(200)
                .body("is_public", equalTo(true)).body("created_by", nullValue())
                .body("properties.xlogp.source", equalTo("cdk"));
    }

    @Test
    void identityRulesHoldRecordByRecord() {
        String publicSmiles = "OCCCCCCCCCCCCCCCCCCCCCCCCCCCCO";
        String publicId = upload(Api.service(), "text/plain", publicSmiles + " public octacosanediol\n").then().statusCode(200)
                .extract().path("results[0].id");
        Api other = Api.user();
        String othersId = other.createMolecule("other team's secret", "OCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCO");
        Api user = Api.user();
        String ownId = user.createMolecule("own already", "OCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCO");

        ValidatableResponse response = upload(user, "text/plain", String.join("\n",
                publicSmiles + " the public one again",
                "OCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCO the other team's structure",
                "OCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCO own again",
                "CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCO new one",
                "OCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC same structure written the other way round")).then().statusCode(200);
        response.body("counts.created", equalTo(2)).body("counts.existing", equalTo(3)).body("counts.rejected", equalTo(0))
                .body("total", equalTo(5))
                .body("results[0].status", equalTo("existing")).body("results[0].id", equalTo(publicId))
                .body("results[1].status", equalTo("created")).body("results[1].id", not(equalTo(othersId)))
                .body("results[2].status", equalTo("existing")).body("results[2].id", equalTo(ownId))
                .body("results[3].status", equalTo("created"))
                .body("results[4].status", equalTo("existing"))
                .body("results[4].line", equalTo(5));
        String newId = response.extract().path("results[3].id");
        assertEquals(newId, response.extract().path("results[4].id"), "a repeated structure is the row of its first record");
        other.request().get("/api/molecules/" + othersId).then().statusCode(200).body("name", equalTo("other team's secret"));
        user.request().get("/api/molecules/" + othersId).then().statusCode(404);
        Api.anonymous().request().get("/api/molecules/" + publicId).then().statusCode(200).body("name", equalTo("public octacosanediol"))
                .body("synonyms", not(org.hamcrest.Matchers.hasItem("the public one again")));
        user.request().get("/api/molecules/" + ownId).then().statusCode(200).body("name", equalTo("own already"))
                .body("synonyms", not(org.hamcrest.Matchers.hasItem("own again")));
    }

    @Test
    void badRecordsAreRejectedByIndexWhileTheGoodOnesLand() throws InvalidStructureException {
        Api user = Api.user();
        String good = MOLFILES.molfileOf("OCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCO", "good v2000", true) + "$$$$\n";
        String noEnd = "no end\n  x\n\n  1  0  0  0  0  0  0  0  0  0999 V2000\n    0.0000    0.0000    0.0000 C   0  0\n$$$$\n";
        String huge = "huge\n  x\n\n999999  0  0  0  0  0  0  0  0999 V2000\nM  END\n$$$$\n";
        String pseudo = MOLFILES.molfileOf("*CCO", "r group", true) + "$$$$\n";
        String badCounts = "garbage\n  x\n\nthis is not a counts line\nM  END\n$$$$\n";
        String badProperty = MOLFILES.molfileOf("OCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCO", "bad property", true)
                + "> <melting_point>\nhot\n\n$$$$\n";
        String v3000 = Files.v3000Record("OCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCO", "good v3000");
        String truncated = "truncated\n  x\n\n  5  4  0  0  0  0  0  0  0  0999 V2000\n"
                + "    0.0000    0.0000    0.0000 C   0  0  0  0  0  0  0  0  0  0  0  0\nM  END\n$$$$\n";
        String longName = MOLFILES.molfileOf("OCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCO", "long name", true)
                + "> <name>\n" + "n".repeat(600) + "\n\n$$$$\n";

        ValidatableResponse response = upload(user, SDF, good + noEnd + huge + pseudo + badCounts + badProperty + v3000
                + truncated + longName)
                .then().statusCode(200)
                .body("total", equalTo(9)).body("counts.created", equalTo(2)).body("counts.rejected", equalTo(7))
                .body("results[7].error", containsString("Invalid structure"))
                .body("results[8].error", equalTo("name is required (at most 500 characters)"))
                .body("results[8].line", notNullValue())
                .body("results[0].status", equalTo("created"))
                .body("results[1].status", equalTo("rejected")).body("results[1].index", equalTo(1))
                .body("results[1].error", containsString("M  END"))
                .body("results[2].error", equalTo("Structure too complex: 999 atoms (at most 500)"))
                .body("results[3].error", containsString("Invalid structure"))
                .body("results[4].error", containsString("Invalid structure"))
                .body("results[5].error", equalTo("property melting_point must be a number, got 'hot'"))
                .body("results[6].status", equalTo("created")).body("results[6].id", notNullValue());
        user.request().get("/api/molecules/" + response.extract().path("results[6].id")).then().statusCode(200)
                .body("name", equalTo("good v3000"));
        visible(user, "OCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCO").body("items", hasSize(0));
    }

    @Test
    void abusiveStructuresAreRejectedOneByOne() {
        Api user = Api.user();
        String longSmiles = "C".repeat(5000);
        String rings = "C1CC2CC3CC4CC5CC6CC7CC8CC9CC%10CC%11CC%12CC%13CC%14CC%15CC%16CC%17CC%18CC%19CC%20CC%21CC%22CC%23CC%24CC%25CC%26CC%27CC%28CC%29CC%30CC%31CC%32CC%33CC%34CC%35CC%36CC%37CC%38CC%39CC%40CC%41CC%42CC%43CC%44CC%45CC%46CC%47CC%48CC%49CC%50CC%51CC%51C%50C%49C%48C%47C%46C%45C%44C%43C%42C%41C%40C%39C%38C%37C%36C%35C%34C%33C%32C%31C%30C%29C%28C%27C%26C%25C%24C%23C%22C%21C%20C%19C%18C%17C%16C%15C%14C%13C%12C%11C%10C9C8C7C6C5C4C3C2C1";
        upload(user, "text/csv", "smiles,name\r\n" + longSmiles + ",long\r\n" + rings + ",cage\r\nnot a smiles,junk\r\n"
                + "\"OCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCO\",\"fine, quoted\"\r\nCCO,too,many\r\n")
                .then().statusCode(200)
                .body("results[0].error", equalTo("Structure too complex: SMILES is longer than 4000 characters"))
                .body("results[1].error", containsString("Structure too complex"))
                .body("results[2].error", containsString("Invalid structure"))
                .body("results[3].status", equalTo("created"))
                .body("results[4].error", equalTo("has 3 fields where the header has 2"));
    }

    @Test
    void aFileRefusedAsAWholeWritesNothing() {
        Api user = Api.user();
        String first = "OCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCO";
        StringBuilder tooMany = new StringBuilder(first + " first of too many\n");
        for (int i = 0; i < 10_000; i++) {
            tooMany.append("CCO ethanol ").append(i).append('\n');
        }
        upload(user, "chemical/x-daylight-smiles", tooMany.toString()).then().statusCode(413)
                .contentType("application/problem+json").body("detail", containsString("at most 10000 per file"));
        upload(user, "text/csv", "name,formula\r\nx,C2H6O\r\n").then().statusCode(422)
                .body("detail", containsString("'smiles' column"));
        upload(user, "text/csv", "").then().statusCode(422).body("detail", equalTo("The file contains no records"));
        upload(user, "application/pdf", first + " pdf\n").then().statusCode(415).contentType("application/problem+json");
        visible(user, first).body("items", hasSize(0));
    }

    @Test
    void exactlyAtTheRecordLimitIsRead() {
        // counted, not computed: a file of the limit is accepted as far as reading goes (all records blank-named duplicates)
        StringBuilder limit = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            limit.append("[Na+].[Cl-]\n");
        }
        Api user = Api.user();
        upload(user, "text/plain", limit.toString()).then().statusCode(200).body("total", equalTo(10_000))
                .body("counts.created", equalTo(1)).body("counts.existing", equalTo(9_999));
        String first = upload(user, "text/plain", "[Na+].[Cl-] salt\n").then().statusCode(200).extract().path("results[0].id");
        assertNotEquals(null, first);
    }

    @Test
    void theReadmeExamplesWork() {
        Api user = Api.user();
        upload(user, "text/plain", "OCC(O)CO glycerol\nC[S+](C)[O-] DMSO, as a ylide\nnot-a-smiles broken\n").then()
                .statusCode(200).body("counts.rejected", equalTo(1)).body("results[2].index", equalTo(2))
                .body("results[2].line", equalTo(3)).body("results[1].status", not(equalTo("rejected")));
        upload(user, "text/csv", "smiles,name,synonyms,melting_point\nOCC(O)CO,glycerol,\"glycerin;propane-1,2,3-triol\",17.8\n"
                + "C[N+](C)(C)CCO.[Cl-],choline chloride,,302\n").then().statusCode(200)
                .body("counts.rejected", equalTo(0)).body("total", equalTo(2));
        Files.as(user).get("/api/toxicity?format=csv&endpoint=LD50&species=rat").then().statusCode(200);
    }

    private static ValidatableResponse visible(Api api, String smiles) {
        try {
            return api.request().get("/api/molecules?inchikey=" + CDK.compute(smiles).inchikey()).then().statusCode(200);
        } catch (InvalidStructureException e) {
            throw new IllegalStateException(e);
        }
    }
}
