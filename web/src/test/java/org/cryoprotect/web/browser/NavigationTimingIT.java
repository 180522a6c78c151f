package org.cryoprotect.web.browser;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Performance as the browser sees it (Navigation Timing), printed and never asserted: the start page,
 * and a 50-row search result with its structures. Numbers go to docs/benchmarks.md ("Web app").
 * Run alone: ./mvnw -o -pl common,web verify -Dtest=None -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=NavigationTimingIT
 */
class NavigationTimingIT extends BrowserTest {

    static final int RUNS = 7;

    @Test
    void printsTheStartPageAndASearchOfFiftyRowsWithStructures() {
        Researcher researcher = signUp("Tim Timer");
        importRegistryCompounds(researcher, 60);
        signOut();

        report("start page, anonymous", "/");
        signIn(researcher);
        report("start page, signed in", "/");
        String search = "/molecules?q=CRYOSIM&limit=50";
        open(search);
        assertEquals(50, all(By.cssSelector("img.structure")).size(), "a page of 50 rows with structures");
        report("search, 50 rows with structures", search);
    }

    /**
     * Each run: a fresh navigation, timed by the browser (ttfb: first byte; html: last byte; dcl:
     * DOMContentLoaded; load: the load event, with the structures in view; structures: the last
     * structure of the page loaded, the lazy ones below the fold included).
     */
    private void report(String what, String path) {
        List<Map<String, Double>> runs = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            open(path);
            await(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
            await(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                    "return performance.getEntriesByType('navigation')[0].loadEventEnd > 0"));
            // the structures below the fold are lazy: load them all, as scrolling through the page would
            long inView = (Long) ((JavascriptExecutor) browser).executeScript(
                    "return performance.getEntriesByType('resource').filter(r => r.name.includes('depiction.svg')).length");
            ((JavascriptExecutor) browser).executeScript("document.querySelectorAll('img[loading=lazy]').forEach(i => i.loading = 'eager')");
            await(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                    "return Array.from(document.images).every(i => i.complete)"));
            @SuppressWarnings("unchecked")
            Map<String, Object> timing = (Map<String, Object>) ((JavascriptExecutor) browser).executeScript("""
                    const n = performance.getEntriesByType('navigation')[0];
                    const svgs = performance.getEntriesByType('resource').filter(r => r.name.includes('depiction.svg'));
                    return {ttfb: n.responseStart, html: n.responseEnd, dcl: n.domContentLoadedEventEnd, load: n.loadEventEnd,
                            structures: svgs.length ? Math.max(...svgs.map(r => r.responseEnd)) : 0, images: svgs.length,
                            bytes: n.transferSize};""");
            Map<String, Double> run = new java.util.LinkedHashMap<>();
            timing.forEach((k, v) -> run.put(k, ((Number) v).doubleValue()));
            run.put("inView", (double) inView);
            runs.add(run);
        }
        System.out.printf(Locale.ROOT, "[navigation-timing] %s (%d runs, first is cold), ms from navigation start:%n", what, RUNS);
        for (String metric : List.of("ttfb", "html", "dcl", "load", "structures")) {
            List<Double> values = runs.stream().map(r -> r.get(metric)).toList();
            List<Double> sorted = values.stream().sorted(Comparator.naturalOrder()).toList();
            System.out.printf(Locale.ROOT, "[navigation-timing]   %-10s first %7.1f  median %7.1f  max %7.1f%n", metric,
                    values.get(0), sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));
        }
        System.out.printf(Locale.ROOT, "[navigation-timing]   structures per run: %.0f (%.0f in view at load); HTML transfer %.0f bytes%n",
                runs.get(runs.size() - 1).get("images"), runs.get(runs.size() - 1).get("inView"), runs.get(runs.size() - 1).get("bytes"));
    }

    /** Public registry rows from the simulator, through import-service, as the researcher. */
    private static void importRegistryCompounds(Researcher researcher, int count) {
        String token = apiToken(researcher);
        List<Long> cids = ImportsJourneyIT.simulatedCids(200, count);
        String job = given().contentType("application/json").auth().oauth2(token)
                .body(Map.of("source", "pubchem", "ids", cids)).post(WebStack.IMPORTER.url() + "/api/imports")
                .then().statusCode(202).extract().path("id");
        org.awaitility.Awaitility.await("import " + job).atMost(java.time.Duration.ofMinutes(5))
                .until(() -> !"running".equals(given().auth().oauth2(token).get(WebStack.IMPORTER.url() + "/api/imports/" + job)
                        .then().statusCode(200).extract().path("status")));
    }
}
