package org.cryoprotect.web;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.cryoprotect.common.testing.TestDatabase;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class SessionTest {

    @ConfigProperty(name = "cryo.test.database")
    String database;

    @Test
    void signUpSignsInWithAnHttpOnlyLaxCookieWhoseIdIsStoredOnlyAsItsDigest() throws Exception {
        Browser browser = new Browser();
        browser.get("/sign-up");
        Response response = browser.post("/sign-up", Map.of("email", "ada@lab.test", "password", "a-long-password-1",
                "display_name", "Ada Lovelace"));
        assertThat(response.statusCode(), is(303));
        String setCookie = response.getHeaders().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("cryo_session=")).findFirst().orElseThrow();
        assertThat(setCookie, allOf(containsString("HttpOnly"), containsString("SameSite=Lax"), containsString("Path=/"),
                not(containsString("Secure")), not(containsString("Max-Age"))));
        String id = browser.cookie("cryo_session");
        assertThat(id.length(), is(43));

        try (Connection db = TestDatabase.superuser(database);
                PreparedStatement sql = db.prepareStatement("select id_hash, display_name from web.sessions where id_hash = $1".replace("$1", "?"))) {
            sql.setBytes(1, MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8)));
            try (ResultSet row = sql.executeQuery()) {
                assertThat(row.next(), is(true));
                assertThat(row.getString("display_name"), is("Ada Lovelace"));
            }
        }
        assertThat("the raw session id is stored nowhere", rowsContaining(id), is(0));

        browser.get("/").then().statusCode(200).body(containsString("Ada Lovelace")).body(containsString("Sign out"));
    }

    @Test
    void theCookieIsSecureWhenTheBrowserCameOverTls() {
        Browser browser = new Browser();
        Response page = browser.request().header("X-Forwarded-Proto", "https").get("/sign-in");
        assertThat(page.getHeaders().getValues("Set-Cookie"), hasItem(allOf(startsWith("cryo_csrf="),
                containsString("Secure"), containsString("HttpOnly"))));
        browser.remember(page);
        browser.get("/sign-in");
        FakeServices.ACCOUNTS.put("tls@lab.test", new FakeServices.Account(java.util.UUID.randomUUID(), "tls@lab.test",
                "a-long-password-1", "T"));
        Response signIn = browser.request().header("X-Forwarded-Proto", "https")
                .formParams(Map.of("email", "tls@lab.test", "password", "a-long-password-1", "csrf_token", browser.csrf))
                .post("/sign-in");
        assertThat(signIn.statusCode(), is(303));
        assertThat(signIn.getHeaders().getValues("Set-Cookie"), hasItem(allOf(startsWith("cryo_session="),
                containsString("Secure"), containsString("HttpOnly"), containsString("SameSite=Lax"))));
    }

    @Test
    void aWrongPasswordShowsTheReasonAndStartsNoSession() {
        Browser browser = Browser.signedUp("Grace");
        Browser other = new Browser();
        other.get("/sign-in");
        Response refused = other.post("/sign-in", Map.of("email", browser.email, "password", "not-the-password"));
        assertThat(refused.statusCode(), is(401));
        assertThat(refused.asString(), allOf(containsString("role=\"alert\""), containsString("Email or password is wrong.")));
        assertThat(other.cookie("cryo_session"), nullValue());
    }

    @Test
    void signUpShowsAuthServicesReason() {
        Browser browser = new Browser();
        browser.get("/sign-up");
        Response refused = browser.post("/sign-up", Map.of("email", "short@lab.test", "password", "short", "display_name", "S"));
        assertThat(refused.statusCode(), is(400));
        assertThat(refused.asString(), allOf(containsString("role=\"alert\""), containsString("must be 10 to 128 characters")));
    }

    @Test
    void signInGoesBackToTheLocalPageAskedForButNeverToAnotherSite() {
        Browser browser = Browser.signedUp("Nav");
        Browser again = new Browser();
        again.get("/sign-in");
        Response local = again.post("/sign-in", Map.of("email", browser.email, "password", "a-long-password-1", "next", "/molecules?q=x"));
        assertThat(local.getHeader("Location"), endsWith("/molecules?q=x"));
        Browser third = new Browser();
        third.get("/sign-in");
        Response foreign = third.post("/sign-in", Map.of("email", browser.email, "password", "a-long-password-1", "next", "//evil.test/x"));
        assertThat(foreign.getHeader("Location"), not(containsString("evil")));
    }

    @Test
    void aSessionIdleLongerThanTheIdleTimeoutIsGone() throws Exception {
        Browser browser = Browser.signedUp("Idle");
        browser.get("/").then().body(containsString("Idle"));
        try (Connection db = TestDatabase.superuser(database);
                PreparedStatement sql = db.prepareStatement("update web.sessions set last_seen_at = now() - interval '3 hours' where id_hash = ?")) {
            sql.setBytes(1, MessageDigest.getInstance("SHA-256").digest(browser.cookie("cryo_session").getBytes(StandardCharsets.UTF_8)));
            assertThat(sql.executeUpdate(), is(1));
        }
        browser.get("/").then().body(not(containsString("Idle"))).body(containsString("Sign in"));
        browser.get("/molecules/new").then().statusCode(303).header("Location", containsString("/sign-in?next="));
    }

    @Test
    void noTokenAppearsInAnyPageOrScript() {
        Browser browser = Browser.signedUp("Tokens");
        List<String> pages = List.of("/", "/molecules", "/molecules/new", "/sign-in", "/static/app.css",
                org.cryoprotect.web.page.Assets.htmxScript);
        for (String path : pages) {
            String body = browser.get(path).asString();
            for (String token : FakeServices.ISSUED_ACCESS) {
                assertThat(path, body, not(containsString(token)));
            }
            for (String token : FakeServices.REFRESH.keySet()) {
                assertThat(path, body, not(containsString(token)));
            }
            assertThat(path, body, not(containsString(browser.cookie("cryo_session"))));
        }
    }

    private int rowsContaining(String text) throws Exception {
        try (Connection db = TestDatabase.superuser(database);
                PreparedStatement sql = db.prepareStatement("select count(*) from web.sessions s where s::text like ?")) {
            sql.setString(1, "%" + text + "%");
            try (ResultSet rows = sql.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
