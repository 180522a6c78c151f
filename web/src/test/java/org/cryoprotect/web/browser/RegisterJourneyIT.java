package org.cryoprotect.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Register by pasted SMILES, edit name and synonyms, publish; a refused publish shows
 * molecule-service's reason, and a molecule the user may not change offers no controls.
 */
class RegisterJourneyIT extends BrowserTest {

    /** A structure of its own per run: chains of a random length are in nobody's registry. */
    private static String novelStructure() {
        return "OCC(O)" + "C".repeat(9 + new java.util.Random().nextInt(20)) + "N";
    }

    @Test
    void registerEditPublishAndARefusedPublish() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String smiles = novelStructure();
        Researcher bea = signUp("Bea Register");
        open("/molecules/new");
        fill(By.id("name"), "Broken " + tag);
        fill(By.id("smiles"), "C1CC(");
        click(By.id("register"));
        alert();
        screenshot("register-refused");

        fill(By.id("name"), "Candidate " + tag);
        fill(By.id("smiles"), smiles);
        fill(By.id("synonyms"), "cand-" + tag);
        click(By.id("register"));
        textAppears(By.id("notice"), "Registered.");
        String beaMolecule = browser.getCurrentUrl().replaceAll(".*/molecules/([0-9a-f-]{36}).*", "$1");

        click(By.id("edit"));
        fill(By.id("name"), "Candidate A " + tag);
        fill(By.id("synonyms"), "cand-a-" + tag + "\nlab code " + tag);
        click(By.id("save"));
        textAppears(By.id("notice"), "Saved.");
        textAppears(By.tagName("h1"), "Candidate A " + tag);
        assertTrue(visible(By.id("synonyms")).getText().contains("lab code " + tag));

        // Cal registers the same structure privately before Bea publishes hers
        Researcher cal = signUp("Cal Second");
        open("/molecules/new");
        fill(By.id("name"), "Candidate C " + tag);
        fill(By.id("smiles"), smiles);
        click(By.id("register"));
        textAppears(By.id("notice"), "Registered.");
        String calMolecule = browser.getCurrentUrl().replaceAll(".*/molecules/([0-9a-f-]{36}).*", "$1");

        signIn(bea);
        open("/molecules/" + beaMolecule);
        click(By.id("publish"));
        textAppears(By.id("notice"), "Published");
        visible(By.id("unpublish"));

        signIn(cal);
        open("/molecules/" + calMolecule);
        click(By.id("publish"));
        String reason = alert().getText();
        assertTrue(reason.contains(beaMolecule), "the server's reason names the public molecule: " + reason);
        screenshot("publish-refused");

        // Bea's published molecule: Cal may read it, and is offered nothing to change
        open("/molecules/" + beaMolecule);
        textAppears(By.tagName("h1"), "Candidate A " + tag);
        assertFalse(present(By.id("edit")));
        assertFalse(present(By.id("publish-form")));
        assertEquals(0, all(By.cssSelector("form[action$='/publish']")).size());
    }
}
