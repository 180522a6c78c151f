package org.cryoprotect.molecule.rest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import org.cryoprotect.molecule.Api;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * Depictions carry an ETag and Cache-Control: a client whose copy is current gets 304 without CDK
 * drawing anything; private rows are private to the browser, public ones cacheable by anyone for a while.
 * A matching ETag never makes a row visible to someone who may not see it.
 */
@QuarkusTest
class DepictionCacheTest {

    @Test
    void privateMoleculeRevalidatesWithItsEtag() {
        Api owner = Api.user();
        String id = owner.createMolecule("Cached private 1,3-propanediol", "OCCCO");

        String etag = svg(owner).get(path(id)).then().statusCode(200)
                .contentType(containsString("image/svg+xml"))
                .header("ETag", matchesPattern("\"[A-Za-z0-9_-]{22}\""))
                .header("Cache-Control", equalTo("private, no-cache"))
                .body(containsString("<svg"))
                .extract().header("ETag");

        svg(owner).header("If-None-Match", etag).get(path(id)).then().statusCode(304)
                .header("ETag", equalTo(etag)).header("Cache-Control", equalTo("private, no-cache"))
                .body(emptyString());
        svg(owner).header("If-None-Match", "W/" + etag + ", \"other\"").get(path(id)).then().statusCode(304);
        svg(owner).header("If-None-Match", "\"something-else\"").get(path(id)).then().statusCode(200)
                .header("ETag", equalTo(etag)).body(containsString("<svg"));

        // knowing the tag shows nothing to those who may not see the row
        svg(Api.user()).header("If-None-Match", etag).get(path(id)).then().statusCode(404);
        svg(Api.anonymous()).header("If-None-Match", etag).get(path(id)).then().statusCode(404);
    }

    @Test
    void publicMoleculeIsCacheableByAnyone() {
        String id = Api.service().request().body(Map.of("name", "Cached public 1,2-propanediol", "smiles", "CC(O)CO"))
                .post("/api/molecules").then().extract().path("id");

        String etag = svg(Api.anonymous()).get(path(id)).then().statusCode(200)
                .header("Cache-Control", equalTo("public, max-age=600"))
                .extract().header("ETag");
        svg(Api.anonymous()).header("If-None-Match", etag).get(path(id)).then().statusCode(304)
                .header("Cache-Control", equalTo("public, max-age=600"));
        svg(Api.user()).header("If-None-Match", etag).get(path(id)).then().statusCode(304);

        // another structure has another tag
        String other = Api.service().request().body(Map.of("name", "Cached public 1,3-butanediol", "smiles", "CC(O)CCO"))
                .post("/api/molecules").then().extract().path("id");
        svg(Api.anonymous()).header("If-None-Match", etag).get(path(other)).then().statusCode(200)
                .header("ETag", not(equalTo(etag)));
    }

    private static RequestSpecification svg(Api caller) {
        return caller.request().accept("image/svg+xml");
    }

    private static String path(String id) {
        return "/api/molecules/" + id + "/depiction.svg";
    }
}
