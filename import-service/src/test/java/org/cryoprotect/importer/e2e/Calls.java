package org.cryoprotect.importer.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.cryoprotect.common.testing.ServiceProcess;
import org.cryoprotect.common.testing.TestDatabase;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** What the end-to-end tests do over HTTP, and what they check in the database. */
final class Calls {

    private Calls() {
    }

    /** A researcher's access token (signed up and logged in at auth-service). */
    static String researcherToken() {
        String email = "importer-" + UUID.randomUUID() + "@lab.example";
        String password = "a long enough password";
        given().baseUri(ImportStack.AUTH.url()).contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", password)).post("/api/auth/signup").then().statusCode(201);
        return given().baseUri(ImportStack.AUTH.url()).contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", password)).post("/api/auth/login")
                .then().statusCode(200).extract().path("access_token");
    }

    static RequestSpecification importer(ServiceProcess replica, String token) {
        return given().baseUri(replica.url()).contentType(ContentType.JSON).header("Authorization", "Bearer " + token);
    }

    static String start(ServiceProcess replica, String token, String source, List<?> ids) {
        return importer(replica, token).body(Map.of("source", source, "ids", ids)).post("/api/imports")
                .then().statusCode(202).extract().path("id");
    }

    static JsonPath job(ServiceProcess replica, String token, String id) {
        return importer(replica, token).get("/api/imports/" + id).then().statusCode(200).extract().jsonPath();
    }

    static JsonPath awaitFinished(ServiceProcess replica, String token, String id, Duration timeout) {
        return await("import " + id + " finished").atMost(timeout).pollInterval(Duration.ofMillis(250))
                .until(() -> job(replica, token, id), job -> !"running".equals(job.getString("status")));
    }

    static List<Map<String, Object>> failures(ServiceProcess replica, String token, String id) {
        return importer(replica, token).get("/api/imports/" + id + "/failures?limit=1000").then().statusCode(200)
                .extract().jsonPath().getList("items");
    }

    // --- the simulator --------------------------------------------------------------------------

    static RequestSpecification simulator() {
        return given().baseUri(ImportStack.SIMULATOR.url()).contentType(ContentType.JSON);
    }

    static void resetSimulator() {
        simulator().post("/admin/reset").then().statusCode(200);
    }

    static JsonPath simulatorStats() {
        return simulator().get("/admin/stats").then().statusCode(200).extract().jsonPath();
    }

    /** Generated compounds [offset, offset + limit) of the simulator's data set. */
    static List<Map<String, Object>> compounds(int offset, int limit) {
        return simulator().get("/admin/data?offset=" + offset + "&limit=" + limit).then().statusCode(200)
                .extract().jsonPath().getList("items");
    }

    static List<Long> cids(List<Map<String, Object>> compounds) {
        return compounds.stream().map(c -> ((Number) c.get("cid")).longValue()).toList();
    }

    // --- the database ----------------------------------------------------------------------------

    /** Rows in chem.molecules per CID, for the given CIDs: a CID must appear at most once. */
    static Map<Long, Integer> moleculeRowsByCid(List<Long> cids) {
        return rowsBy("select pubchem_cid, count(*) from chem.molecules where pubchem_cid = any(?) group by pubchem_cid",
                cids.toArray(Long[]::new), "bigint");
    }

    static Map<Long, Integer> rowsBy(String sql, Object[] values, String type) {
        try (Connection db = TestDatabase.superuser(ImportStack.DATABASE.name());
                PreparedStatement query = db.prepareStatement(sql)) {
            query.setArray(1, db.createArrayOf(type, values));
            Map<Long, Integer> rows = new java.util.HashMap<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.put(result.getLong(1), result.getInt(2));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The one value a query returns for one parameter. */
    static String single(String sql, Object parameter) {
        try (Connection db = TestDatabase.superuser(ImportStack.DATABASE.name());
                PreparedStatement query = db.prepareStatement(sql)) {
            query.setObject(1, parameter);
            try (ResultSet result = query.executeQuery()) {
                if (!result.next()) {
                    throw new AssertionError("no row for " + sql + " with " + parameter);
                }
                String value = result.getString(1);
                if (result.next()) {
                    throw new AssertionError("more than one row for " + sql + " with " + parameter);
                }
                return value;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> sourceIds(List<Map<String, Object>> failures) {
        List<String> ids = new ArrayList<>();
        failures.forEach(f -> ids.add((String) f.get("source_id")));
        return ids;
    }

}
