package org.cryoprotect.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Searching as a researcher, over her own (private) molecules: by name, by a property range, by a
 * pasted structure (substructure and similarity), and exporting what was found.
 */
class SearchJourneyIT extends BrowserTest {

    private String tag;

    @BeforeEach
    void molecules() {
        tag = UUID.randomUUID().toString().substring(0, 6);
        Researcher researcher = signUp("Sam Search");
        createMolecule(researcher, "Glycerol " + tag, "OCC(O)CO");
        createMolecule(researcher, "Ethylene glycol " + tag, "OCCO");
        createMolecule(researcher, "DMSO " + tag, "CS(C)=O");
        createMolecule(researcher, "Ethanol " + tag, "CCO");
        open("/molecules");
        visible(By.id("search-form"));
    }

    @Test
    void byName() {
        fill(By.id("q"), "Glycerol " + tag);
        click(By.id("search"));
        textAppears(By.id("results-table"), "Glycerol " + tag);
        settled();
        assertEquals(List.of("Glycerol " + tag), names());
        WebElement drawing = visible(By.cssSelector("#results-table img.structure"));
        await(d -> (Boolean) ((JavascriptExecutor) d).executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", drawing));
        ((JavascriptExecutor) browser).executeScript("document.getElementById('results').scrollIntoView()");
        screenshot("by-name");
    }

    @Test
    void byPropertyRange() {
        fill(By.id("q"), tag);
        fill(By.id("mw_min"), "60");
        fill(By.id("mw_max"), "80");
        click(By.id("search"));
        textAppears(By.id("results-table"), "DMSO " + tag);
        settled();
        List<String> names = names();
        assertTrue(names.contains("Ethylene glycol " + tag), names.toString());
        assertFalse(names.contains("Glycerol " + tag), names.toString());
        assertFalse(names.contains("Ethanol " + tag), names.toString());
        // the column buttons sort this page: by MW, ethylene glycol (62) before DMSO (78)
        click(By.xpath("//th/button[text()='MW']"));
        assertEquals("Ethylene glycol " + tag, names().get(0));
    }

    @Test
    void byPastedStructureSubstructureAndSimilarity() {
        fill(By.id("q"), tag);
        fill(By.id("smiles"), "CC(O)C");
        new Select(browser.findElement(By.id("mode"))).selectByValue("substructure");
        click(By.id("search"));
        textAppears(By.id("results-table"), "Glycerol " + tag);
        settled();
        assertEquals(List.of("Glycerol " + tag), names());

        fill(By.id("smiles"), "OCC(O)CO");
        new Select(browser.findElement(By.id("mode"))).selectByValue("similar");
        fill(By.id("min_similarity"), "0.1");
        click(By.id("search"));
        textAppears(By.id("results"), "most similar first");
        settled();
        List<String> names = names();
        assertEquals("Glycerol " + tag, names.get(0), names.toString());
        assertTrue(names.contains("Ethylene glycol " + tag), names.toString());
        ((JavascriptExecutor) browser).executeScript("document.getElementById('results').scrollIntoView()");
        screenshot("by-similarity");
    }

    @Test
    void byDrawnStructure() {
        // the bundled editor loads; a drawing (set through the editor's own API, as its canvas would)
        // writes its SMILES into the form
        visible(By.cssSelector("#structure-editor"));
        await(d -> (Boolean) ((JavascriptExecutor) d).executeScript("return !!window.cryoStructureEditor"));
        ((JavascriptExecutor) browser).executeScript("window.cryoStructureEditor.readGenericMolecularInput('CC(O)C')");
        await(d -> !d.findElement(By.id("smiles")).getDomProperty("value").isBlank());
        screenshot("editor");
        fill(By.id("q"), tag);
        new Select(browser.findElement(By.id("mode"))).selectByValue("substructure");
        click(By.id("search"));
        textAppears(By.id("results-table"), "Glycerol " + tag);
        settled();
        assertEquals(List.of("Glycerol " + tag), names());
    }

    @Test
    void exportsWhatWasFound() {
        fill(By.id("q"), tag);
        click(By.id("search"));
        textAppears(By.id("results-table"), "Glycerol " + tag);
        settled();
        String csv = fetch(visible(By.id("export-csv")).getAttribute("href"));
        String sdf = fetch(visible(By.id("export-sdf")).getAttribute("href"));
        for (String name : List.of("Glycerol ", "Ethylene glycol ", "DMSO ", "Ethanol ")) {
            assertTrue(csv.contains(name + tag), csv);
            assertTrue(sdf.contains(name + tag), sdf);
        }
        assertTrue(sdf.contains("$$$$"));
    }

    private List<String> names() {
        return all(By.cssSelector("#results-table tbody tr td:nth-child(2) a")).stream().map(WebElement::getText).toList();
    }

    /** What the browser gets for a link, with its cookie, as a download would. */
    private String fetch(String href) {
        return (String) ((JavascriptExecutor) browser).executeAsyncScript(
                "var done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.text()).then(done, e => done('failed: ' + e));",
                href);
    }
}
