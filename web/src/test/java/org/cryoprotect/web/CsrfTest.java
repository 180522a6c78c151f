package org.cryoprotect.web;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Every state-changing request without the page's CSRF token is a 403 that changes nothing. */
@QuarkusTest
class CsrfTest {

    @ConfigProperty(name = "cryo.test.database")
    String database;

    @Test
    void signOutWithoutOrWithAWrongTokenIsRefusedAndTheSessionLives() throws Exception {
        Browser browser = Browser.signedUp("Csrf Carol");
        int revoked = FakeServices.REVOKED.size();
        assertThat(browser.postWithoutCsrf("/sign-out", Map.of()).statusCode(), is(403));
        assertThat(browser.postWithoutCsrf("/sign-out", Map.of("csrf_token", "x".repeat(43))).statusCode(), is(403));
        Response forged = browser.request().header("X-CSRF-Token", "y".repeat(43)).post("/sign-out");
        assertThat(forged.statusCode(), is(403));
        assertThat(forged.asString(), containsString("Nothing was changed"));
        assertThat(FakeServices.REVOKED.size(), is(revoked));
        assertThat(Sessions.of(database, browser).isPresent(), is(true));
        browser.get("/").then().body(containsString("Csrf Carol"));
    }

    @Test
    void theHeaderHtmxSendsIsAccepted() {
        Browser browser = Browser.signedUp("Header Hal");
        browser.get("/");
        Response out = browser.request().header("X-CSRF-Token", browser.csrf).post("/sign-out");
        assertThat(out.statusCode(), is(303));
    }

    @Test
    void signInWithoutThePreSessionTokenOrWithAnotherBrowsersIsRefused() {
        Browser owner = Browser.signedUp("Victim");
        Browser attacker = new Browser();
        attacker.get("/sign-in");
        Browser victim = new Browser();
        victim.get("/sign-in");
        // login CSRF: the attacker's token in the victim's browser
        Response crossed = victim.postWithoutCsrf("/sign-in", Map.of("email", owner.email, "password", "a-long-password-1",
                "csrf_token", attacker.csrf));
        assertThat(crossed.statusCode(), is(403));
        assertThat(victim.postWithoutCsrf("/sign-in", Map.of("email", owner.email, "password", "a-long-password-1")).statusCode(), is(403));
        assertThat(victim.cookie("cryo_session"), nullValue());
    }

    @Test
    void registerEditAndPublishWithoutTheTokenChangeNothing() {
        Browser browser = Browser.signedUp("Csrf Dan");
        UUID id = UUID.randomUUID();
        FakeServices.MOLECULES.put(id.toString(), FakeServices.molecule(id, "csrf-target", "OCC(O)CO", false, null));
        int molecules = FakeServices.MOLECULES.size();
        int patches = FakeServices.PATCHES.size();
        assertThat(browser.postWithoutCsrf("/molecules/new", Map.of("name", "x", "smiles", "CCO")).statusCode(), is(403));
        assertThat(browser.postWithoutCsrf("/molecules/" + id + "/edit", Map.of("name", "renamed")).statusCode(), is(403));
        assertThat(browser.postWithoutCsrf("/molecules/" + id + "/publish", Map.of("is_public", "true")).statusCode(), is(403));
        assertThat(FakeServices.MOLECULES.size(), is(molecules));
        assertThat(FakeServices.PATCHES.size(), is(patches));
        assertThat(FakeServices.MOLECULES.get(id.toString()).getString("name"), is("csrf-target"));
    }
}
