package org.cryoprotect.web;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Refresh before expiry (once, however many requests at once), and sign-out revoking at auth-service. */
@QuarkusTest
class TokenLifecycleTest {

    @ConfigProperty(name = "cryo.test.database")
    String database;

    @AfterEach
    void normalLifetime() {
        FakeServices.accessLifetimeSeconds = 900;
    }

    @Test
    void anAccessTokenAboutToExpireIsRefreshedAndTheServicesGetTheNewOne() throws Exception {
        FakeServices.accessLifetimeSeconds = 30; // under the 60 s refresh margin
        Browser browser = Browser.signedUp("Refresh Rita");
        Sessions.Row before = Sessions.of(database, browser).orElseThrow();
        FakeServices.accessLifetimeSeconds = 900;
        browser.get("/molecules").then().statusCode(200);
        Sessions.Row after = Sessions.of(database, browser).orElseThrow();
        assertThat(after.accessToken(), not(is(before.accessToken())));
        assertThat(after.refreshToken(), not(is(before.refreshToken())));
        assertThat(FakeServices.MOLECULE_BEARERS, hasItem(after.accessToken()));
        assertThat(FakeServices.USED_REFRESH, hasItem(before.refreshToken()));
    }

    @Test
    void concurrentRequestsRefreshOnceSoAuthServiceSeesNoReuse() throws Exception {
        FakeServices.accessLifetimeSeconds = 30;
        Browser browser = Browser.signedUp("Parallel Pat");
        int reused = FakeServices.REUSED_REFRESH.get();
        FakeServices.accessLifetimeSeconds = 900;
        List<CompletableFuture<Integer>> pages = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            pages.add(CompletableFuture.supplyAsync(() -> browser.request().get("/").statusCode()));
        }
        for (CompletableFuture<Integer> page : pages) {
            assertThat(page.get(), is(200));
        }
        assertThat(FakeServices.REUSED_REFRESH.get(), is(reused));
        browser.get("/").then().body(containsString("Parallel Pat"));
    }

    @Test
    void aRefreshTokenAuthServiceNoLongerHonoursEndsTheSession() throws Exception {
        FakeServices.accessLifetimeSeconds = 30;
        Browser browser = Browser.signedUp("Revoked Rob");
        Sessions.Row row = Sessions.of(database, browser).orElseThrow();
        FakeServices.REFRESH.remove(row.refreshToken()); // revoked elsewhere (another device signed out everywhere)
        String cookie = browser.cookie("cryo_session");
        browser.get("/molecules/new").then().statusCode(303).header("Location", containsString("/sign-in"));
        Browser same = new Browser();
        same.cookies.put("cryo_session", cookie);
        assertThat(Sessions.of(database, same).isPresent(), is(false));
    }

    @Test
    void signOutRevokesBothTokensDeletesTheSessionAndTheOldCookieGetsNothing() throws Exception {
        Browser browser = Browser.signedUp("Leaving Lou");
        String oldCookie = browser.cookie("cryo_session");
        Sessions.Row row = Sessions.of(database, browser).orElseThrow();
        browser.get("/");
        Response out = browser.post("/sign-out", java.util.Map.of());
        assertThat(out.statusCode(), is(303));
        assertThat(out.getHeader("Location"), containsString("/sign-in"));
        assertThat(out.getHeaders().getValues("Set-Cookie"), hasItem(containsString("cryo_session=; Path=/; HttpOnly; SameSite=Lax")));
        assertThat(FakeServices.REVOKED, hasItem(row.refreshToken()));
        assertThat(FakeServices.REVOKED, hasItem(row.accessToken()));

        Browser replay = new Browser();
        replay.cookies.put("cryo_session", oldCookie);
        assertThat(Sessions.of(database, replay).isPresent(), is(false));
        replay.get("/molecules/new").then().statusCode(303).header("Location", containsString("/sign-in?next="));
        replay.cookies.put("cryo_session", oldCookie);
        replay.get("/").then().body(not(containsString("Leaving Lou"))).body(containsString("Sign in"));
        int bearers = FakeServices.MOLECULE_BEARERS.size();
        replay.cookies.put("cryo_session", oldCookie);
        replay.get("/molecules");
        assertThat(FakeServices.MOLECULE_BEARERS.subList(bearers, FakeServices.MOLECULE_BEARERS.size()),
                not(hasItem(row.accessToken())));
    }
}
