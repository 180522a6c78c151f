package org.cryoprotect.web;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.core.json.JsonObject;

/** Search, results, export, drawings and the molecule page through the BFF, with the user's token. */
@QuarkusTest
class MoleculePagesTest {

    @ConfigProperty(name = "cryo.test.database")
    String database;

    @AfterEach
    void acceptPatches() {
        FakeServices.patchRefusal = null;
    }

    private static UUID molecule(String name, boolean isPublic, UUID createdBy) {
        UUID id = UUID.randomUUID();
        FakeServices.MOLECULES.put(id.toString(), FakeServices.molecule(id, name, "OCC(O)CO", isPublic, createdBy));
        return id;
    }

    @Test
    void searchShowsATableWithDrawingsAndPassesTheFiltersOnWithTheUsersToken() throws Exception {
        UUID id = molecule("glycerol-search", true, null);
        Browser browser = Browser.signedUp("Searcher");
        Response page = browser.get("/molecules?q=glycerol&mw_min=50&mw_max=200&logp_max=1");
        assertThat(page.statusCode(), is(200));
        assertThat(page.asString(), containsString("<img class=\"structure\" src=\"/molecules/" + id + "/depiction.svg\""));
        assertThat(page.asString(), containsString("href=\"/molecules/" + id + "\">glycerol-search</a>"));
        assertThat(page.asString(), containsString("92.09"));
        String query = FakeServices.MOLECULE_QUERIES.get(FakeServices.MOLECULE_QUERIES.size() - 1);
        assertThat(query, containsString("q=glycerol"));
        assertThat(query, containsString("mw_min=50"));
        assertThat(query, containsString("mw_max=200"));
        assertThat(query, containsString("logp_max=1"));
        assertThat(FakeServices.MOLECULE_BEARERS, hasItem(Sessions.of(database, browser).orElseThrow().accessToken()));
    }

    @Test
    void structureModesBecomeMoleculeServicesStructureFiltersAndAnIncompletePageSaysSo() {
        molecule("structure-row", true, null);
        Browser browser = new Browser();
        Response sub = browser.get("/molecules?mode=substructure&smiles=OCC");
        assertThat(sub.asString(), containsString("id=\"incomplete\""));
        assertThat(last(), containsString("substructure=OCC"));
        browser.get("/molecules?mode=similar&smiles=OCC(O)CO&min_similarity=0.5");
        assertThat(last(), containsString("similar_to=OCC%28O%29CO"));
        assertThat(last(), containsString("min_similarity=0.5"));
        browser.get("/molecules?mode=exact&smiles=NCC(=O)O");
        assertThat(last(), containsString("exact=NCC%28%3DO%29O"));
        assertThat(FakeServices.MOLECULE_BEARERS.get(FakeServices.MOLECULE_BEARERS.size() - 1), is("null"));
    }

    @Test
    void exportStreamsTheFileFromMoleculeService() {
        molecule("exported-one", true, null);
        Browser browser = new Browser();
        Response file = browser.request().get("/molecules/export?format=sdf&q=exported");
        assertThat(file.statusCode(), is(200));
        assertThat(file.getContentType(), startsWith("chemical/x-mdl-sdfile"));
        assertThat(file.getHeader("Content-Disposition"), containsString("molecules.sdf"));
        assertThat(file.asString(), containsString("exported-one"));
        assertThat(file.asString(), containsString("$$$$"));
        assertThat(last(), containsString("format=sdf"));
        assertThat(last(), containsString("q=exported"));
    }

    @Test
    void drawingsAreProxiedWithTheirValidators() {
        UUID id = molecule("drawn", true, null);
        Browser browser = new Browser();
        Response svg = browser.request().get("/molecules/" + id + "/depiction.svg");
        assertThat(svg.statusCode(), is(200));
        assertThat(svg.getContentType(), startsWith("image/svg+xml"));
        assertThat(svg.getHeader("ETag"), is("\"v1\""));
        assertThat(svg.getHeader("Cache-Control"), is("private, no-cache"));
        assertThat(browser.request().header("If-None-Match", "\"v1\"").get("/molecules/" + id + "/depiction.svg").statusCode(), is(304));
    }

    @Test
    void theMoleculePageShowsIdentifiersPropertiesWithProvenanceAndSynonymsAndNoControlsToAReader() {
        UUID id = molecule("glycerol-page", true, null);
        String page = new Browser().get("/molecules/" + id).then().statusCode(200).extract().asString();
        assertThat(page, containsString("PEDCQBHIVMGVHV-UHFFFAOYSA-N"));
        assertThat(page, containsString("InChI=1S/C3H8O3"));
        assertThat(page, containsString("https://pubchem.ncbi.nlm.nih.gov/compound/753"));
        assertThat(page, containsString("<td>molecular weight</td><td>92.09</td><td>g/mol</td><td>cdk</td><td>molecule</td>"));
        assertThat(page, containsString("<td>xlogp</td><td>-1.76</td><td></td><td>pubchem</td><td>parent</td>"));
        assertThat(page, containsString("<li>glycerin</li>"));
        assertThat(page, not(containsString("id=\"edit\"")));
        assertThat(page, not(containsString("id=\"publish-form\"")));
    }

    @Test
    void controlsFollowThePermissionsMoleculeServiceReports() {
        Browser browser = Browser.signedUp("Editor Eve");
        UUID change = molecule("changeable", false, null);
        FakeServices.RIGHTS.put(change.toString(), "change");
        String page = browser.get("/molecules/" + change).asString();
        assertThat(page, containsString("id=\"edit\""));
        assertThat(page, not(containsString("id=\"publish-form\"")));
        UUID manage = molecule("manageable", false, null);
        FakeServices.RIGHTS.put(manage.toString(), "manage");
        assertThat(browser.get("/molecules/" + manage).asString(), containsString("id=\"publish-form\""));
    }

    @Test
    void registerShowsTheServersReasonForABadStructureAndOpensTheNewMolecule() {
        Browser browser = Browser.signedUp("Registrar");
        browser.get("/molecules/new");
        Response refused = browser.post("/molecules/new", Map.of("name", "broken", "smiles", "C1CC"));
        assertThat(refused.statusCode(), is(422));
        assertThat(refused.asString(), containsString("ring 1 is not closed"));
        assertThat(refused.asString(), containsString("role=\"alert\""));
        Response created = browser.post("/molecules/new", Map.of("name", "ethanol-web", "smiles", "CCO", "synonyms", "alcohol\n"));
        assertThat(created.statusCode(), is(303));
        assertThat(created.getHeader("Location"), containsString("/molecules/"));
        browser.get(created.getHeader("Location").replaceFirst("^https?://[^/]+", "")).then().statusCode(200)
                .body(containsString("ethanol-web")).body(containsString("Registered."));
    }

    @Test
    void editSendsNameAndSynonymsAndARefusedPublishShowsTheServersReason() {
        Browser browser = Browser.signedUp("Publisher");
        UUID id = molecule("to-publish", false, null);
        FakeServices.RIGHTS.put(id.toString(), "manage");
        browser.get("/molecules/" + id + "/edit");
        Response saved = browser.post("/molecules/" + id + "/edit", Map.of("name", "renamed-web", "synonyms", "one\ntwo"));
        assertThat(saved.statusCode(), is(303));
        JsonObject patch = FakeServices.PATCHES.get(FakeServices.PATCHES.size() - 1);
        assertThat(patch.getString("name"), is("renamed-web"));
        assertThat(patch.getJsonArray("synonyms").getList(), is(java.util.List.of("one", "two")));

        FakeServices.patchRefusal = new JsonObject().put("status", 409)
                .put("detail", "A public molecule with this InChIKey exists: 1b0c…");
        browser.get("/molecules/" + id);
        Response refused = browser.post("/molecules/" + id + "/publish", Map.of("is_public", "true"));
        assertThat(refused.statusCode(), is(409));
        assertThat(refused.asString(), containsString("id=\"action-error\""));
        assertThat(refused.asString(), containsString("A public molecule with this InChIKey exists"));
        assertThat(FakeServices.MOLECULES.get(id.toString()).getBoolean("is_public"), is(false));
    }

    private static String last() {
        return FakeServices.MOLECULE_QUERIES.get(FakeServices.MOLECULE_QUERIES.size() - 1);
    }
}
