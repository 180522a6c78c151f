package org.cryoprotect.molecule.rest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.cryoprotect.common.testing.TestDatabase;
import org.cryoprotect.molecule.Api;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Input that only PostgreSQL refuses (a check, a unique key, a character it cannot store) gets a 4xx problem in our words — which field, what is wrong — and never the server's
 * message, nor a constraint's or a table's name. Nothing changes. (Foreign keys are checked in Java
 * before any insert the API can reach; their mapping is tested in common's DatabaseProblemsTest.)
 */
@QuarkusTest
class DatabaseErrorsTest {

    @ConfigProperty(name = "cryo.test.database")
    String database;

    private final Api user = Api.user();
    private final Api service = Api.service();

    @Test
    void checkViolationNamesTheField() {
        String id = user.createMolecule("Check-violation undecanediol", "OCCCCCCCCCCCO");
        String before = snapshot();
        ValidatableResponse response = user.request().body(Map.of("name", "   ")).patch("/api/molecules/" + id).then()
                .statusCode(422).body("detail", equalTo("name is not an accepted value (out of range or malformed)"))
                .body("errors[0].field", equalTo("name"));
        assertNoPostgresText(response);
        assertEquals(before, snapshot());
    }

    /** PostgreSQL leaves the key out of the error on tables with Row Level Security: the detail stays general. */
    @Test
    void uniqueViolationIsAConflict() {
        String molecule = user.createMolecule("Unique-violation dodecanediol", "OCCCCCCCCCCCCO");
        user.addToxicity(molecule, 3.5);
        String before = snapshot();
        ValidatableResponse response = user.request().body(Map.of("endpoint", "LD50", "species", "rat", "route", "oral",
                "value", 3.5, "unit", "g/kg")).post("/api/molecules/" + molecule + "/toxicity").then()
                .statusCode(409).body("detail", equalTo("A resource with these values already exists"));
        assertNoPostgresText(response);
        assertEquals(before, snapshot());
    }

    @Test
    void unstorableCharacterIs422NotA500() {
        String before = snapshot();
        ValidatableResponse response = user.request().body(Map.of("name", "nul\u0000byte", "smiles", "OCCCCCCCCCCCCCCCO"))
                .post("/api/molecules").then()
                .statusCode(422).body("detail", equalTo("A value is malformed or out of range"));
        assertNoPostgresText(response);
        response = user.request().body(Map.of("name", "team\u0000name")).post("/api/teams").then().statusCode(422);
        assertNoPostgresText(response);
        assertEquals(before, snapshot());
    }

    private static void assertNoPostgresText(ValidatableResponse response) {
        response.contentType("application/problem+json");
        for (String text : List.of("violates", "constraint", "relation", "ERROR", "chem.", "_check", "_fkey", "pkey",
                "Key (", "invalid byte sequence", "SQLSTATE")) {
            response.body(not(containsString(text)));
        }
    }

    private String snapshot() {
        try (Connection db = TestDatabase.superuser(database);
                ResultSet rs = db.createStatement().executeQuery("""
                        select (select count(*) from chem.molecules) || '/' || (select count(*) from chem.mixtures)
                            || '/' || (select count(*) from chem.mixture_components) || '/' || (select count(*) from chem.teams) || '/' || (select count(*) from chem.toxicity)
                            || '/' || (select coalesce(max(updated_at)::text, '') from chem.molecules)""")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
