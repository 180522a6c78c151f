package org.cryoprotect.web.browser;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import io.restassured.RestAssured;

/** A molecule's page: drawing, identifiers, properties with provenance, synonyms, toxicity with its chart, mixtures, projects. */
class MoleculePageJourneyIT extends BrowserTest {

    @Test
    void everythingAboutOneMolecule() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Researcher researcher = signUp("Mo Page");
        String token = apiToken(researcher);
        String id = createMolecule(researcher, "Glycerol " + tag, "OCC(O)CO");
        String molecules = WebStack.MOLECULES.url();
        RestAssured.given().contentType("application/json").auth().oauth2(token)
                .body(Map.of("synonyms", List.of("glycerin " + tag, "propane-1,2,3-triol")))
                .patch(molecules + "/api/molecules/" + id).then().statusCode(200);
        for (double value : new double[] { 12.6, 4.1 }) {
            RestAssured.given().contentType("application/json").auth().oauth2(token)
                    .body(Map.of("endpoint", "LD50", "species", "rat", "route", "oral", "value", value, "unit", "g/kg"))
                    .post(molecules + "/api/molecules/" + id + "/toxicity").then().statusCode(201);
        }
        RestAssured.given().contentType("application/json").auth().oauth2(token)
                .body(Map.of("name", "Cocktail " + tag, "components",
                        List.of(Map.of("molecule_id", id, "concentration", 1.5, "unit", "mol/L"))))
                .post(molecules + "/api/mixtures").then().statusCode(201);
        String team = RestAssured.given().contentType("application/json").auth().oauth2(token).body(Map.of("name", "Lab " + tag))
                .post(molecules + "/api/teams").then().statusCode(201).extract().path("id");
        String project = RestAssured.given().contentType("application/json").auth().oauth2(token)
                .body(Map.of("name", "Vitrification " + tag, "team_id", team))
                .post(molecules + "/api/projects").then().statusCode(201).extract().path("id");
        RestAssured.given().contentType("application/json").auth().oauth2(token).body(Map.of("molecule_id", id))
                .post(molecules + "/api/projects/" + project + "/molecules").then().statusCode(201);

        open("/molecules/" + id);
        textAppears(By.tagName("h1"), "Glycerol " + tag);
        textAppears(By.id("inchikey"), "PEDCQBHIVMGVHV-UHFFFAOYSA-N");
        assertTrue(visible(By.id("inchi")).getText().startsWith("InChI=1S/C3H8O3"));
        String properties = visible(By.id("properties")).getText();
        assertTrue(properties.contains("molecular weight") && properties.contains("cdk"), properties);
        assertTrue(visible(By.id("synonyms")).getText().contains("glycerin " + tag));
        String toxicity = visible(By.id("toxicity")).getText();
        assertTrue(toxicity.contains("LD50") && toxicity.contains("rat") && toxicity.contains("oral"), toxicity);
        assertTrue(present(By.cssSelector("figure.chart svg circle")), "the chart has a dot per value");
        textAppears(By.id("mixtures"), "Cocktail " + tag);
        textAppears(By.id("projects"), "Vitrification " + tag);
        assertTrue(present(By.id("edit")), "her own molecule: edit offered");
        assertTrue(present(By.id("publish")), "her own molecule: publish offered");
        screenshot("molecule");
        phone();
        open("/molecules/" + id);
        visible(By.id("inchikey"));
        assertTrue(fitsHorizontally(), "the molecule page fits a phone");
        screenshot("molecule");

        // another researcher cannot see the private molecule at all
        signUp("Stranger Sue");
        open("/molecules/" + id);
        assertFalse(present(By.id("inchikey")));
        alert();
    }
}
