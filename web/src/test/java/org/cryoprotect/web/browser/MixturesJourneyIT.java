package org.cryoprotect.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Mixtures in the browser: composed from components in different units, shown with every
 * concentration normalized to mol/L by molecule-service. One journey with the keyboard only.
 */
class MixturesJourneyIT extends BrowserTest {

    @Test
    void aResearcherComposesAMixtureWithTheKeyboardOnlyAndSeesMolarConcentrations() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Researcher researcher = signUp("Mia Mixer");
        createMolecule(researcher, "Glycerol " + tag, "OCC(O)CO");
        createMolecule(researcher, "Ethylene glycol " + tag, "OCCO");
        createMolecule(researcher, "Trehalose " + tag, "OC[C@H]1O[C@H](O[C@H]2O[C@H](CO)[C@@H](O)[C@H](O)[C@H]2O)[C@H](O)[C@@H](O)[C@@H]1O");

        // from the start page to the compose form by Tab alone: the skip link, the navigation, the fields
        open("/");
        press(Keys.TAB);
        assertEquals("Skip to content", browser.switchTo().activeElement().getText(), "the first Tab reaches the skip link");
        tabTo(By.cssSelector("header nav a[href='/mixtures']"), 20);
        press(Keys.ENTER);
        visible(By.id("compose-form"));
        tabTo(By.id("mixture-name"), 40);
        press("Cryo cocktail " + tag);
        press(Keys.TAB);
        press("Glycerol " + tag);
        press(Keys.TAB);
        press("10");
        press(Keys.TAB);
        press("%w/v");  // typing selects the option in a focused <select>
        press(Keys.TAB);
        press("Ethylene glycol " + tag);
        press(Keys.TAB);
        press("2.5");
        press(Keys.TAB);
        press(Keys.TAB);
        press("Trehalose " + tag);
        press(Keys.TAB);
        press("100");
        press(Keys.TAB);
        press("mmol/L");
        tabTo(By.id("compose"), 20);
        screenshot("compose");
        press(Keys.ENTER);

        textAppears(By.id("notice"), "Mixture created");
        assertEquals("Cryo cocktail " + tag, visible(By.id("mixture-name")).getText());
        List<WebElement> rows = all(By.cssSelector("#components tbody tr"));
        assertEquals(3, rows.size());
        assertEquals("10 %w/v", cell(rows, "Glycerol " + tag, ".given"));
        assertEquals("1.086 mol/L", cell(rows, "Glycerol " + tag, ".molar"), "100 g/L of glycerol (92.09 g/mol)");
        assertEquals("2.5 mol/L", cell(rows, "Ethylene glycol " + tag, ".molar"));
        assertEquals("0.1 mol/L", cell(rows, "Trehalose " + tag, ".molar"));
        screenshot("mixture");
        phone();
        browser.navigate().refresh();
        visible(By.id("components"));
        assertTrue(fitsHorizontally(), "the mixture page fits a phone (the table scrolls inside its wrapper)");
        screenshot("mixture");
        desktop();

        open("/mixtures");
        textAppears(By.id("mixtures"), "Cryo cocktail " + tag);
    }

    @Test
    void aMixtureTheServiceRefusesComesBackWithItsReason() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Researcher researcher = signUp("Ned Negative");
        createMolecule(researcher, "DMSO " + tag, "CS(C)=O");
        open("/mixtures");
        fill(By.id("mixture-name"), "Impossible " + tag);
        fill(By.id("molecule_0"), "DMSO " + tag);
        fill(By.id("concentration_0"), "-1");
        click(By.id("compose"));
        textAppears(By.cssSelector("[role=alert]"), "concentration");
        assertEquals("DMSO " + tag, visible(By.id("molecule_0")).getAttribute("value"), "the form keeps what was typed");

        fill(By.id("concentration_0"), "lots");
        click(By.id("compose"));
        textAppears(By.cssSelector("[role=alert]"), "must be a number");

        fill(By.id("concentration_0"), "5");
        fill(By.id("molecule_1"), "Unobtainium " + tag);
        fill(By.id("concentration_1"), "1");
        click(By.id("compose"));
        textAppears(By.cssSelector("[role=alert]"), "No molecule you can see is called");
        open("/mixtures?q=Impossible+" + tag);
        pageShows("No mixtures found");
    }

    private static String cell(List<WebElement> rows, String molecule, String css) {
        return rows.stream().filter(r -> r.getText().startsWith(molecule)).findFirst()
                .orElseThrow(() -> new AssertionError("no component " + molecule)).findElement(By.cssSelector(css)).getText();
    }
}
