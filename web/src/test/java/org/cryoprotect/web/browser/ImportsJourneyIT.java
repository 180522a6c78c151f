package org.cryoprotect.web.browser;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Imports in the browser: pasted PubChem CIDs with the live progress bar (import-service's
 * server-sent events relayed by web) to done, the failures with their reasons, and a slow job
 * cancelled and resumed. The upstream is the simulator; its faults slow it down on purpose.
 */
class ImportsJourneyIT extends BrowserTest {

    @AfterEach
    void noFaults() {
        given().contentType("application/json").body("{}").post(WebStack.SIMULATOR.url() + "/admin/faults").then().statusCode(200);
    }

    @Test
    void pastedCidsImportWithLiveProgressAndTheUnknownOneFailsWithItsReason() {
        signUp("Ivy Importer");
        List<Long> cids = simulatedCids(0, 6);
        long unknown = 100_900_000L;  // beyond the generated compounds' CIDs
        open("/imports");
        fill(By.id("ids"), cids.stream().map(String::valueOf).collect(Collectors.joining(", ")) + "\n" + unknown);
        click(By.id("include-toxicity"));  // properties (checked) and toxicity
        click(By.id("start-import"));
        visible(By.id("job-progress"));
        // the page stays as it is: the progress arrives as server-sent events and htmx swaps it in
        ((JavascriptExecutor) browser).executeScript("window.stillTheSamePage = true");
        textAppears(By.id("job-status"), "completed");
        assertEquals(Boolean.TRUE, ((JavascriptExecutor) browser).executeScript("return window.stillTheSamePage === true"),
                "the status changed without reloading the page");
        assertEquals("6", visible(By.id("job-succeeded")).getText());
        assertEquals("1", visible(By.id("job-failed")).getText());
        assertEquals(String.valueOf(cids.size() + 1), visible(By.id("job-progress")).getAttribute("value"));
        String failure = visible(By.id("failures")).getText();
        assertTrue(failure.contains(String.valueOf(unknown)), failure);
        assertTrue(failure.toLowerCase().contains("not found"), "the reason is shown: " + failure);
        screenshot("import-done");

        open("/imports");
        textAppears(By.id("jobs"), "completed");
        phone();
        browser.navigate().refresh();
        visible(By.id("import-form"));
        assertTrue(fitsHorizontally());
        screenshot("imports");
    }

    @Test
    void aSlowImportIsCancelledAndResumedToTheEnd() {
        signUp("Carl Canceller");
        // every upstream answer takes 1.5 s: the job runs long enough to be cancelled
        given().contentType("application/json").body(Map.of("latency", Map.of("ms", 1500)))
                .post(WebStack.SIMULATOR.url() + "/admin/faults").then().statusCode(200);
        List<Long> cids = simulatedCids(50, 120);
        open("/imports");
        fill(By.id("ids"), cids.stream().map(String::valueOf).collect(Collectors.joining("\n")));
        click(By.id("start-import"));
        textAppears(By.id("job-status"), "running");
        click(By.id("cancel-import"));
        textAppears(By.id("job-status"), "cancelled");
        int imported = Integer.parseInt(visible(By.id("job-succeeded")).getText());
        assertTrue(imported < cids.size(), "cancelled before the end: " + imported);
        screenshot("import-cancelled");

        noFaults();
        click(By.id("resume-import"));
        textAppears(By.id("job-status"), "completed");
        assertEquals(String.valueOf(cids.size()), visible(By.id("job-succeeded")).getText());
        assertEquals("0", visible(By.id("job-failed")).getText());
    }

    @Test
    void anImportWithoutIdsOrWithoutAnythingToImportIsRefusedWithTheReason() {
        signUp("Nora Nothing");
        open("/imports");
        click(By.id("include-properties"));  // unchecked: nothing chosen
        fill(By.id("ids"), "679");
        click(By.id("start-import"));
        textAppears(By.cssSelector("[role=alert]"), "Choose what to import");
        fill(By.id("ids"), "not-a-cid");
        click(By.id("include-properties"));
        click(By.id("start-import"));
        alert();  // import-service's own reason for an id that is no CID
    }

    /** CIDs of the simulator's generated compounds, [from, from + count). */
    static List<Long> simulatedCids(int from, int count) {
        int demo = given().get(WebStack.SIMULATOR.url() + "/admin/data?limit=0").then().statusCode(200).extract().path("demo");
        List<Map<String, Object>> compounds = given().get(WebStack.SIMULATOR.url() + "/admin/data?offset=" + (demo + from) + "&limit=" + count)
                .then().statusCode(200).extract().jsonPath().getList("items");
        return compounds.stream().map(c -> ((Number) c.get("cid")).longValue()).toList();
    }
}
