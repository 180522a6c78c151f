package org.cryoprotect.molecule.rest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.cryoprotect.common.testing.TestDatabase;
import org.cryoprotect.molecule.Api;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;

/** Bad input is a 4xx problem+json that says what is wrong, and it changes nothing. */
@QuarkusTest
class BadInputTest {

    @ConfigProperty(name = "cryo.test.database")
    String database;

    private final Api user = Api.user();
    private final Api service = Api.service();

    @Test
    void malformedJson() {
        assertUnchanged(() -> user.request().body("{\"name\": \"x\", \"smiles\": ").post("/api/molecules")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("JSON")));
    }

    @Test
    void unknownFields() {
        assertUnchanged(() -> user.request().body(Map.of("name", "x", "smiles", "CCO", "colour", "blue")).post("/api/molecules")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("colour")));
    }

    @Test
    void wrongTypes() {
        assertUnchanged(() -> user.request().body(Map.of("name", "x", "smiles", "CCO", "is_public", "perhaps"))
                .post("/api/molecules").then().statusCode(400).body("detail", containsString("is_public")));
    }

    @Test
    void missingRequiredFields() {
        assertUnchanged(() -> user.request().body(Map.of("smiles", "CCO")).post("/api/molecules")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("name")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "0", "501", "ten", "1e3"})
    void limitsOutOfRange(String limit) {
        user.request().get("/api/molecules?limit=" + limit).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("limit"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/molecules/not-a-uuid", "/api/molecules/1234", "/api/mixtures/zzz",
            "/api/toxicity/summary?molecule_id=abc", "/api/molecules?project_id=1", "/api/toxicity?molecule_id=x"})
    void badUuids(String path) {
        user.request().get(path).then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("UUID"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "eyJub3QiOiJhbiBhcnJheSJ9", "WyJhIiwibm90LWEtdXVpZCJd", "%25%25"})
    void badCursors(String cursor) {
        user.request().urlEncodingEnabled(false).get("/api/molecules?cursor=" + cursor).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void sqlMetacharactersInSearchTextAreJustText() {
        assertUnchanged(() -> {
            for (String text : List.of("'; drop table chem.molecules; --", "%", "_", "\\", "\" or 1=1 --", "' or ''='")) {
                user.request().queryParam("q", text).get("/api/molecules").then().statusCode(200)
                        .body("items.size()", equalTo(0));
            }
        });
        user.request().queryParam("q", "x".repeat(201)).get("/api/molecules").then().statusCode(400);
    }

    @Test
    void oversizedBatch() {
        List<Map<String, Object>> records = new ArrayList<>(Collections.nCopies(1001,
                Map.of("source", "pubchem", "source_id", "702", "name", "Ethanol", "smiles", "CCO")));
        assertUnchanged(() -> service.request().body(Map.of("records", records)).post("/api/molecules/batch")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("records")));
        assertUnchanged(() -> service.request().body(Map.of("records", List.of())).post("/api/molecules/batch")
                .then().statusCode(400));
    }

    @Test
    void badMixtures() {
        assertUnchanged(() -> {
            user.request().body(Map.of("name", "m", "components", List.of())).post("/api/mixtures").then().statusCode(400);
            user.request().body(Map.of("name", "m", "components", List.of(Map.of("molecule_id",
                    "00000000-0000-0000-0000-000000000000", "concentration", 1, "unit", "furlongs"))))
                    .post("/api/mixtures").then().statusCode(400).body("detail", containsString("unit"));
            user.request().body(Map.of("name", "m", "components", List.of(Map.of("molecule_id",
                    "00000000-0000-0000-0000-000000000000", "concentration", -1, "unit", "mol/L"))))
                    .post("/api/mixtures").then().statusCode(400).body("detail", containsString("concentration"));
        });
    }

    @Test
    void unsupportedMediaTypeAndUnknownRoutes() {
        user.request().contentType("text/plain").body("CCO").post("/api/molecules").then().statusCode(415)
                .contentType("application/problem+json");
        user.request().get("/api/nothing-here").then().statusCode(404).body("status", notNullValue());
    }

    private void assertUnchanged(Runnable action) {
        String before = snapshot();
        action.run();
        assertEquals(before, snapshot(), "a rejected request changed the database");
    }

    private String snapshot() {
        try (Connection db = TestDatabase.superuser(database);
                ResultSet rs = db.createStatement().executeQuery("""
                        select (select count(*) from chem.molecules) || '/' || (select count(*) from chem.molecule_properties)
                            || '/' || (select count(*) from chem.mixtures) || '/' || (select count(*) from chem.toxicity)
                            || '/' || (select coalesce(max(updated_at)::text, '') from chem.molecules)""")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
