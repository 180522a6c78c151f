package org.cryoprotect.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HomePageTest {

    @Test
    void theStartPageRendersInTheLayoutWithNavigationAndTheCsrfMetaTag() {
        given().when().get("/")
                .then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("<nav aria-label=\"Main\">"))
                .body(containsString("<meta name=\"csrf-token\""))
                .body(containsString("href=\"/molecules\""));
    }

    @Test
    void htmxIsServedFromItsMavenJar() {
        given().when().get(org.cryoprotect.web.page.Assets.htmxScript)
                .then().statusCode(200)
                .body(containsString("htmx"));
    }
}
