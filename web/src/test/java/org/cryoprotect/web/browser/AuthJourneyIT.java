package org.cryoprotect.web.browser;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

/** Sign up, sign out (the session is revoked and its cookie is worth nothing), sign in, a wrong password. */
class AuthJourneyIT extends BrowserTest {

    @Test
    void aResearcherSignsUpSignsOutAndSignsInAgain() {
        Researcher researcher = signUp("Ada Auth");
        screenshot("signed-in");
        Cookie session = browser.manage().getCookieNamed("cryo_session");
        assertTrue(session.isHttpOnly(), "the session cookie is HttpOnly");
        assertTrue(((String) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return document.cookie")).isEmpty(),
                "page scripts see no cookie");

        click(By.cssSelector("header form[action='/sign-out'] button"));
        visible(By.id("sign-in"));
        assertFalse(present(By.cssSelector("header .who")), "signed out");

        // the old cookie, replayed, opens nothing
        browser.manage().addCookie(new Cookie.Builder(session.getName(), session.getValue()).path("/").isHttpOnly(true).build());
        open("/molecules/new");
        visible(By.id("sign-in"));
        assertTrue(browser.getCurrentUrl().contains("/sign-in?next="), browser.getCurrentUrl());

        signIn(researcher);
        open("/molecules/new");
        visible(By.id("register-form"));
    }

    @Test
    void aWrongPasswordIsAnnouncedAndSignsNobodyIn() {
        Researcher researcher = signUp("Wrong Wes");
        signOut();
        open("/sign-in");
        screenshot("sign-in");
        fill(By.id("email"), researcher.email());
        fill(By.id("password"), "not the password at all");
        click(By.id("sign-in"));
        textAppears(By.cssSelector("[role=alert]"), "Email or password is wrong.");
        assertFalse(present(By.cssSelector("header .who")));
    }
}
