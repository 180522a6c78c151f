package org.cryoprotect.molecule;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.cryoprotect.common.testing.TestTokens;

import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import io.restassured.specification.RequestSpecification;

/** A caller of the API in tests: a user with a token, the import service, or nobody. */
public record Api(String token, UUID userId) {

    public static final String AUDIENCE = "molecule-service";
    private static final RestAssuredConfig DOUBLES = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(NumberReturnType.DOUBLE));

    public static Api user() {
        UUID id = UUID.randomUUID();
        return new Api(TestTokens.user(id, AUDIENCE), id);
    }

    public static Api service() {
        return new Api(TestTokens.service("import-service", AUDIENCE, "molecules:read molecules:write"), null);
    }

    public static Api anonymous() {
        return new Api(null, null);
    }

    public RequestSpecification request() {
        RequestSpecification spec = given().config(DOUBLES).contentType(ContentType.JSON).accept(ContentType.JSON);
        return token == null ? spec : spec.auth().oauth2(token);
    }

    public String createTeam(String name) {
        return request().body(Map.of("name", name)).post("/api/teams").then().statusCode(201).extract().path("id");
    }

    public void addMember(String teamId, Api member, String role) {
        request().body(Map.of("user_id", member.userId().toString(), "role", role))
                .post("/api/teams/" + teamId + "/members").then().statusCode(201);
    }

    public String createProject(String teamId, String name) {
        return request().body(Map.of("name", name, "team_id", teamId)).post("/api/projects")
                .then().statusCode(201).extract().path("id");
    }

    public String createMolecule(String name, String smiles) {
        return request().body(Map.of("name", name, "smiles", smiles)).post("/api/molecules")
                .then().statusCode(201).extract().path("id");
    }

    public void link(String projectId, String moleculeId) {
        request().body(Map.of("molecule_id", moleculeId)).post("/api/projects/" + projectId + "/molecules")
                .then().statusCode(201);
    }

    public String createMixture(String name, String moleculeId) {
        return request().body(Map.of("name", name, "components",
                        List.of(Map.of("molecule_id", moleculeId, "concentration", 1.5, "unit", "mol/L"))))
                .post("/api/mixtures").then().statusCode(201).extract().path("id");
    }

    public String addToxicity(String moleculeId, double value) {
        return request().body(Map.of("endpoint", "LD50", "species", "rat", "route", "oral", "value", value, "unit", "g/kg"))
                .post("/api/molecules/" + moleculeId + "/toxicity").then().statusCode(201).extract().path("id");
    }
}
