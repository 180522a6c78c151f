package org.cryoprotect.web.browser;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A journey in a real browser: Debian's Chromium (headless) driven through Debian's chromedriver,
 * against {@link WebStack}. Nothing is downloaded: the driver and the browser are given by path,
 * so Selenium Manager never runs. One browser per test class, in a fresh profile; helpers sign up
 * researchers, switch who is signed in, wait for states (explicit waits, never sleeps), switch
 * viewports and save screenshots under target/screenshots.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserTest {

    public static final Path CHROMIUM = Path.of(System.getProperty("cryo.chromium", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER = Path.of(System.getProperty("cryo.chromedriver", "/usr/bin/chromedriver"));
    public static final Dimension DESKTOP = new Dimension(1280, 800);
    public static final Dimension PHONE = new Dimension(390, 844);
    static final Duration WAIT = Duration.ofSeconds(Long.getLong("cryo.browser.wait-seconds", 20));
    static final Path SCREENSHOTS = Path.of(System.getProperty("cryo.screenshots", "target/screenshots"));

    /** A researcher account made for one test. */
    public record Researcher(String name, String email, String password) {
    }

    /** A failed journey leaves a screenshot of where it stopped, and the page's text in the report. */
    @org.junit.jupiter.api.extension.RegisterExtension
    final org.junit.jupiter.api.extension.TestWatcher onFailure = new org.junit.jupiter.api.extension.TestWatcher() {
        @Override
        public void testFailed(org.junit.jupiter.api.extension.ExtensionContext context, Throwable cause) {
            try {
                screenshot("FAILED-" + context.getRequiredTestMethod().getName());
                System.out.println("[browser] " + context.getDisplayName() + " failed at " + browser.getCurrentUrl() + ":\n"
                        + browser.findElement(By.tagName("body")).getText());
            } catch (RuntimeException e) {
                System.out.println("[browser] no screenshot of the failure: " + e);
            }
        }
    };

    protected WebDriver browser;
    private Path profile;
    private Dimension viewport = DESKTOP;

    @BeforeAll
    void startBrowser() throws IOException {
        requireChromium();
        String web = WebStack.webUrl();  // starts the stack once per JVM
        profile = Files.createTempDirectory("cryo-chromium-profile");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(Path.of("target", "chromedriver.log").toFile())
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--disable-quic", "--disable-sync", "--disable-extensions", "--disable-default-apps",
                "--user-data-dir=" + profile, "--window-size=" + DESKTOP.width + "," + DESKTOP.height, "--lang=en-GB");
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        browser.get(web + "/");
    }

    @BeforeEach
    void desktopAndSignedOut() {
        desktop();
        signOut();
    }

    @AfterAll
    void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    /** Locally, a missing browser is a clear failure (CI installs it: .ci/run). */
    static void requireChromium() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("The browser tests need Debian's Chromium and chromedriver at " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (missing). Install them: sudo apt-get install chromium chromium-driver (.ci/run does this in CI),"
                    + " or point -Dcryo.chromium= and -Dcryo.chromedriver= at them.");
        }
    }

    // --- navigation and waiting -------------------------------------------------------------

    protected void open(String path) {
        browser.get(WebStack.webUrl() + path);
    }

    protected <T> T await(Function<WebDriver, T> condition) {
        return new WebDriverWait(browser, WAIT).until(condition);
    }

    protected WebElement visible(By locator) {
        return await(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    protected void gone(By locator) {
        await(ExpectedConditions.invisibilityOfElementLocated(locator));
    }

    /** Waits until the element (found anew each time: the page may be navigating or swapping) contains the text. */
    protected void textAppears(By locator, String text) {
        await(d -> {
            try {
                List<WebElement> found = d.findElements(locator);
                return !found.isEmpty() && found.get(0).getText().contains(text);
            } catch (WebDriverException replacedMeanwhile) {  // stale, or "node does not belong to the document"
                return false;
            }
        });
    }

    protected void pageShows(String text) {
        textAppears(By.tagName("body"), text);
    }

    protected WebElement alert() {
        return visible(By.cssSelector("[role=alert]"));
    }

    protected List<WebElement> all(By locator) {
        return browser.findElements(locator);
    }

    protected boolean present(By locator) {
        return !browser.findElements(locator).isEmpty();
    }

    protected void fill(By field, String text) {
        WebElement element = visible(field);
        element.clear();
        element.sendKeys(text);
    }

    /** Clicks the element once it is shown and enabled; found again if live content (SSE) replaced it meanwhile. */
    protected void click(By locator) {
        await(d -> {
            try {
                WebElement element = d.findElement(locator);
                if (!element.isDisplayed() || !element.isEnabled()) {
                    return false;
                }
                element.click();
                return true;
            } catch (StaleElementReferenceException replaced) {
                return false;
            }
        });
    }

    /** Waits until htmx has no request in flight (htmx marks them with the htmx-request class). */
    protected void settled() {
        await(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "return document.readyState === 'complete' && document.querySelectorAll('.htmx-request').length === 0"));
    }

    /** Presses keys on whatever has focus (keyboard-only journeys). */
    protected void press(CharSequence... keys) {
        browser.switchTo().activeElement().sendKeys(keys);
    }

    /** Tabs forward until the focused element matches, at most {@code limit} times. */
    protected WebElement tabTo(By target, int limit) {
        WebElement wanted = visible(target);
        for (int i = 0; i < limit; i++) {
            if (browser.switchTo().activeElement().equals(wanted)) {
                return wanted;
            }
            press(Keys.TAB);
        }
        throw new AssertionError("Tab never reached " + target + " in " + limit + " presses");
    }

    // --- viewports and screenshots ----------------------------------------------------------

    protected void desktop() {
        viewport(DESKTOP, false);
    }

    protected void phone() {
        viewport(PHONE, true);
    }

    private void viewport(Dimension size, boolean mobile) {
        viewport = size;
        browser.manage().window().setSize(size);
        ((ChromeDriver) browser).executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", size.width, "height", size.height, "deviceScaleFactor", 1, "mobile", mobile));
    }

    /** The page scrolls vertically only: nothing is wider than the viewport. */
    protected boolean fitsHorizontally() {
        Object overflow = ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        return ((Number) overflow).longValue() <= 1;
    }

    /** Saves target/screenshots/{TestClass}-{name}-{width}x{height}.png and returns it. */
    protected Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(getClass().getSimpleName() + "-" + name + "-" + viewport.width + "x" + viewport.height + ".png");
            File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
            return Files.move(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- researchers ------------------------------------------------------------------------

    /** A fresh researcher, signed up through the sign-up page, and signed in as her. */
    protected Researcher signUp(String name) {
        return signUpWithEmail(name, name.toLowerCase().replaceAll("[^a-z]+", ".") + "."
                + UUID.randomUUID().toString().substring(0, 8) + "@lab.example");
    }

    protected Researcher signUpWithEmail(String name, String email) {
        Researcher researcher = new Researcher(name, email, "correct horse " + UUID.randomUUID());
        signOut();
        open("/sign-up");
        fill(By.id("display_name"), researcher.name());
        fill(By.id("email"), researcher.email());
        fill(By.id("password"), researcher.password());
        click(By.id("sign-up"));
        signedInAs(researcher);
        return researcher;
    }

    /** Signs out whoever is signed in, and signs in as this researcher through the sign-in page. */
    protected void signIn(Researcher researcher) {
        signOut();
        open("/sign-in");
        fill(By.id("email"), researcher.email());
        fill(By.id("password"), researcher.password());
        click(By.id("sign-in"));
        signedInAs(researcher);
    }

    /** The header names her: by her name after sign-up, by her name or address after sign-in. */
    protected void signedInAs(Researcher researcher) {
        await(d -> {
            List<WebElement> who = d.findElements(By.cssSelector("header .who"));
            return !who.isEmpty() && (who.get(0).getText().contains(researcher.name()) || who.get(0).getText().contains(researcher.email()));
        });
    }

    // --- set-up through the services' APIs (what a journey is not about) -----------------------

    /** The researcher's access token, from auth-service directly. */
    protected static String apiToken(Researcher researcher) {
        return io.restassured.RestAssured.given().contentType("application/json")
                .body(Map.of("email", researcher.email(), "password", researcher.password()))
                .post(WebStack.AUTH.url() + "/api/auth/login").then().statusCode(200).extract().path("access_token");
    }

    /** A private molecule of the researcher's, created at molecule-service; its id. */
    protected static String createMolecule(Researcher owner, String name, String smiles) {
        return io.restassured.RestAssured.given().contentType("application/json").auth().oauth2(apiToken(owner))
                .body(Map.of("name", name, "smiles", smiles))
                .post(WebStack.MOLECULES.url() + "/api/molecules").then().statusCode(201).extract().path("id");
    }

    /** Forgets the session in this browser (the cookie); the tests that need a real sign-out click it. */
    protected void signOut() {
        open("/");
        browser.manage().deleteAllCookies();
    }
}
