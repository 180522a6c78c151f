package org.cryoprotect.importer.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.cryoprotect.common.testing.TestDatabase;
import org.cryoprotect.common.testing.TestKeys;
import org.cryoprotect.common.testing.TestTokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** The REST contract of import-service: who may do what, and a clear 4xx for every bad request. */
@QuarkusTest
class ImportApiTest {

    private static final String PROBLEM = "application/problem+json";

    @ConfigProperty(name = "cryo.test.database")
    String database;

    private final UUID researcher = UUID.randomUUID();

    static String userToken(UUID user, String scope) {
        return TestTokens.claims(user.toString(), "authenticated", "import-service")
                .claim("client_id", "cryoprotect-web").scope(scope)
                .jws().keyId("test-key").type("at+jwt").sign(TestKeys.privateKey());
    }

    private RequestSpecification as(UUID user) {
        return given().header("Authorization", "Bearer " + userToken(user, "molecules:read imports:read imports:write"))
                .contentType(ContentType.JSON);
    }

    @Test
    void startingAnImportAnswers202WithTheDistinctIds() {
        String id = as(researcher).body(Map.of("source", "pubchem", "ids", List.of(753, "753", " 679 ")))
                .post("/api/imports")
                .then().statusCode(202)
                .header("Location", containsString("/api/imports/"))
                .body("status", equalTo("running"))
                .body("total", equalTo(2))
                .extract().path("id");

        as(researcher).get("/api/imports/" + id).then().statusCode(200)
                .body("source", equalTo("pubchem")).body("total", equalTo(2)).body("finished_at", nullValue());
        as(researcher).get("/api/imports").then().statusCode(200).body("items", hasSize(1));
        as(researcher).get("/api/imports/" + id + "/failures").then().statusCode(200).body("items", hasSize(0));

        as(researcher).post("/api/imports/" + id + "/cancel").then().statusCode(200).body("status", equalTo("cancelled"));
        as(researcher).post("/api/imports/" + id + "/cancel").then().statusCode(409).contentType(PROBLEM);
        as(researcher).post("/api/imports/" + id + "/resume").then().statusCode(200).body("status", equalTo("running"));
        as(researcher).post("/api/imports/" + id + "/resume").then().statusCode(409).contentType(PROBLEM);
        as(researcher).post("/api/imports/" + id + "/cancel").then().statusCode(200);
    }

    @Test
    void anotherUsersImportDoesNotExistForYou() {
        String id = as(researcher).body(Map.of("source", "chembl", "ids", List.of("CHEMBL692")))
                .post("/api/imports").then().statusCode(202).extract().path("id");
        UUID stranger = UUID.randomUUID();
        as(stranger).get("/api/imports/" + id).then().statusCode(404).contentType(PROBLEM);
        as(stranger).get("/api/imports/" + id + "/failures").then().statusCode(404);
        as(stranger).post("/api/imports/" + id + "/cancel").then().statusCode(404);
        as(stranger).get("/api/imports/" + id + "/events").then().statusCode(404);
        as(researcher).post("/api/imports/" + id + "/cancel").then().statusCode(200);
    }

    @Test
    void callersMustSignInAndHoldTheImportScope() {
        given().contentType(ContentType.JSON).body(Map.of("source", "pubchem", "ids", List.of(753)))
                .post("/api/imports").then().statusCode(401);
        given().header("Authorization", "Bearer " + userToken(researcher, "molecules:read"))
                .contentType(ContentType.JSON).body(Map.of("source", "pubchem", "ids", List.of(753)))
                .post("/api/imports").then().statusCode(403).contentType(PROBLEM)
                .body("detail", containsString("imports:write"));
        // a token for molecule-service is not one for import-service
        given().header("Authorization", "Bearer " + TestTokens.user(researcher, "molecule-service"))
                .get("/api/imports").then().statusCode(401);
    }

    @Test
    void badRequestsAreExplainedAndStoreNothing() throws SQLException {
        long before = jobs();
        expect400(Map.of("source", "pubchen", "ids", List.of(753)), "source");
        expect400(Map.of("ids", List.of(753)), "source");
        expect400(Map.of("source", "pubchem", "ids", List.of()), "ids");
        expect400(Map.of("source", "pubchem"), "ids");
        expect400(Map.of("source", "pubchem", "ids", List.of(753, "aspirin", -5, 2.5)), "ids[1]")
                .body("errors", hasSize(3)).body("detail", containsString("'aspirin' is not a positive integer PubChem CID"));
        expect400(Map.of("source", "chembl", "ids", List.of("CHEMBL692", "CHEMBL", "692")), "ids[1]");
        expect400(Map.of("source", "pubchem", "ids", List.of(753), "priority", "high"), "priority");
        as(researcher).body("{\"source\": \"pubchem\", \"ids\": [753,").post("/api/imports")
                .then().statusCode(400).contentType(PROBLEM);
        as(researcher).body("{\"source\": \"pubchem\", \"ids\": \"753\"}").post("/api/imports")
                .then().statusCode(400).contentType(PROBLEM);
        as(researcher).body(Map.of("source", "pubchem", "ids", IntStream.rangeClosed(1, 101).boxed().toList()))
                .post("/api/imports").then().statusCode(413).contentType(PROBLEM).body("detail", containsString("at most 100"));
        as(researcher).get("/api/imports/" + UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM);
        as(researcher).get("/api/imports?limit=0").then().statusCode(400).contentType(PROBLEM);
        assertEquals(before, jobs());
    }

    @Test
    void whatAJobIncludesIsStoredAndShown() {
        String plain = start(researcher);
        as(researcher).get("/api/imports/" + plain).then().statusCode(200)
                .body("include", equalTo(List.of("properties"))).body("measurements", nullValue());
        as(researcher).post("/api/imports/" + plain + "/cancel").then().statusCode(200);

        String both = as(researcher).body(Map.of("source", "pubchem", "ids", List.of(679),
                "include", List.of("toxicity", "properties", "toxicity"))).post("/api/imports")
                .then().statusCode(202).body("include", equalTo(List.of("properties", "toxicity")))
                .body("measurements.created", equalTo(0)).body("measurements.unparsed", equalTo(0))
                .extract().path("id");
        as(researcher).get("/api/imports/" + both).then().statusCode(200)
                .body("include", equalTo(List.of("properties", "toxicity")))
                .body("measurements.unchanged", equalTo(0));
        as(researcher).post("/api/imports/" + both + "/cancel").then().statusCode(200);

        String toxicityOnly = as(researcher).body(Map.of("source", "chembl", "ids", List.of("CHEMBL504"),
                "include", List.of("toxicity"))).post("/api/imports")
                .then().statusCode(202).body("include", equalTo(List.of("toxicity"))).extract().path("id");
        as(researcher).post("/api/imports/" + toxicityOnly + "/cancel").then().statusCode(200);
    }

    @Test
    void anUnknownIncludeIsRefusedByNameAndStoresNothing() throws SQLException {
        long before = jobs();
        expect400(Map.of("source", "pubchem", "ids", List.of(753), "include", List.of("properties", "toxicty", "spectra")),
                "include").body("detail", containsString("\"toxicty\", \"spectra\""))
                .body("detail", containsString("properties, toxicity"));
        expect400(Map.of("source", "pubchem", "ids", List.of(753), "include", List.of()), "include");
        as(researcher).body("{\"source\": \"pubchem\", \"ids\": [753], \"include\": \"toxicity\"}").post("/api/imports")
                .then().statusCode(400).contentType(PROBLEM);
        assertEquals(before, jobs());
    }

    @Test
    void anOversizedBodyIsRefusedWith413ProblemJson() throws SQLException {
        long before = jobs();
        String ids = "753,".repeat(20_000) + "753"; // 80 KB, over the test limit of 64 KB
        as(researcher).body("{\"source\": \"pubchem\", \"ids\": [" + ids + "]}").post("/api/imports")
                .then().statusCode(413).contentType(PROBLEM).body("status", equalTo(413))
                .body("detail", containsString("(65536 bytes)"));
        assertEquals(before, jobs());
        // a body within the limit is still read
        as(researcher).body(Map.of("source", "pubchem", "ids", List.of(753))).post("/api/imports").then().statusCode(202);
    }

    @Test
    void aUserHasAtMostThreeActiveImports() throws SQLException {
        List<String> started = IntStream.range(0, 3).mapToObj(i -> start(researcher)).toList();
        long before = jobs();
        as(researcher).body(Map.of("source", "pubchem", "ids", List.of(753))).post("/api/imports")
                .then().statusCode(429).contentType(PROBLEM).body("detail", containsString("At most 3 imports"));
        assertEquals(before, jobs(), "a refused start stores nothing");
        start(UUID.randomUUID()); // other users are not affected

        // a cancelled job frees its place, and resuming it needs one again
        as(researcher).post("/api/imports/" + started.get(0) + "/cancel").then().statusCode(200);
        String fourth = start(researcher);
        as(researcher).post("/api/imports/" + started.get(0) + "/resume").then().statusCode(429).contentType(PROBLEM);
        as(researcher).get("/api/imports/" + started.get(0)).then().body("status", equalTo("cancelled"));
        as(researcher).post("/api/imports/" + fourth + "/cancel").then().statusCode(200);
        as(researcher).post("/api/imports/" + started.get(0) + "/resume").then().statusCode(200)
                .body("status", equalTo("running"));
    }

    @Test
    void simultaneousStartsCannotExceedTheLimit() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> as(researcher).body(Map.of("source", "pubchem", "ids", List.of(753)))
                        .post("/api/imports").statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertEquals(3, statuses.stream().filter(s -> s == 202).count(), statuses.toString());
            assertEquals(5, statuses.stream().filter(s -> s == 429).count(), statuses.toString());
        } finally {
            pool.shutdown();
        }
        as(researcher).get("/api/imports").then().body("items", hasSize(3));
    }

    private String start(UUID user) {
        return as(user).body(Map.of("source", "pubchem", "ids", List.of(753))).post("/api/imports")
                .then().statusCode(202).extract().path("id");
    }

    private io.restassured.response.ValidatableResponse expect400(Map<String, Object> body, String mentioned) {
        return as(researcher).body(body).post("/api/imports")
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString(mentioned));
    }

    private long jobs() throws SQLException {
        try (Connection db = TestDatabase.superuser(database); Statement sql = db.createStatement();
                ResultSet rows = sql.executeQuery("select count(*) from importer.jobs")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
