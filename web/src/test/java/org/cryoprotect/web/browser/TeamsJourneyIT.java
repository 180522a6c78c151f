package org.cryoprotect.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Teams, projects and sharing in the browser: an owner builds a team by e-mail invitation (the
 * answer never tells whether an address has an account), an editor creates a project, the owner
 * shares a private molecule, a viewer reads without edit controls, a stranger sees nothing, roles
 * change, members are removed, refusals show the server's reason.
 */
class TeamsJourneyIT extends BrowserTest {

    @Test
    void anOwnerBuildsATeamByInvitationAndSharesAMoleculeThatOnlyTheTeamSees() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Researcher eddie = signUp("Eddie Editor");
        Researcher olivia = signUp("Olivia Owner");
        String candidate = createMolecule(olivia, "Candidate " + tag, "CC1=NC(CCN1)C(=O)O");

        open("/teams");
        fill(By.id("team-name"), "Vitrification lab " + tag);
        click(By.id("create-team"));
        textAppears(By.id("notice"), "Team created");
        String teamUrl = browser.getCurrentUrl().replaceAll("\\?.*", "");
        assertEquals("owner", visible(By.id("my-role")).getText());

        // an address with an account and one without get the same answer
        invite(eddie.email(), "editor");
        String toKnown = visible(By.id("notice")).getText();
        String vera = "vera." + tag + "@lab.example";
        invite(vera, "viewer");
        assertEquals(toKnown, visible(By.id("notice")).getText(), "the same answer whether or not the address has an account");
        List<String> pending = all(By.cssSelector("#pending-invitations li")).stream().map(WebElement::getText).toList();
        assertTrue(pending.stream().anyMatch(p -> p.startsWith(eddie.email())) && pending.stream().anyMatch(p -> p.startsWith(vera)), pending.toString());
        screenshot("team-owner");

        // Eddie sees his invitation when he signs in, accepts, and as an editor creates a project
        signIn(eddie);
        open("/teams");
        click(By.cssSelector("li.invitation button.accept"));
        textAppears(By.id("notice"), "You joined the team");
        assertEquals("editor", visible(By.id("my-role")).getText());
        assertFalse(present(By.id("invite-form")), "editors do not manage members");
        assertFalse(present(By.cssSelector("select.role-select")));
        fill(By.id("project-name"), "Oocytes " + tag);
        click(By.id("create-project"));
        textAppears(By.id("notice"), "Project created");
        String projectUrl = browser.getCurrentUrl().replaceAll("\\?.*", "");
        assertFalse(present(By.id("delete-project")), "only owners delete projects");

        // Olivia shares her private candidate into the project
        signIn(olivia);
        browser.get(projectUrl);
        fill(By.id("share-molecule"), "Candidate " + tag);
        click(By.id("share"));
        textAppears(By.id("notice"), "Shared with the project");
        textAppears(By.id("project-molecules"), "Candidate " + tag);
        screenshot("project-owner");

        // Vera signs up with the invited address later, accepts as a viewer: she reads, she edits nothing
        Researcher viewer = signUpWithEmail("Vera Viewer", vera);
        open("/teams");
        textAppears(By.cssSelector("li.invitation"), "Vitrification lab " + tag);
        click(By.cssSelector("li.invitation button.accept"));
        assertEquals("viewer", visible(By.id("my-role")).getText());
        browser.get(projectUrl);
        textAppears(By.id("project-molecules"), "Candidate " + tag);
        for (String control : List.of("share-form", "rename", "delete-project")) {
            assertFalse(present(By.id(control)), "a viewer is not offered " + control);
        }
        assertFalse(present(By.cssSelector("button.unlink")), "a viewer is not offered unlinking");
        browser.get(teamUrl);
        assertFalse(present(By.id("invite-form")));
        assertFalse(present(By.id("create-project")), "viewers do not create projects");
        phone();
        browser.get(projectUrl);
        visible(By.id("project-molecules"));
        assertTrue(fitsHorizontally(), "the project page fits a phone");
        screenshot("project-viewer");
        desktop();

        // a stranger sees neither the team, nor the project, nor the shared molecule
        Researcher sam = signUp("Sam Stranger");
        browser.get(teamUrl);
        textAppears(By.cssSelector("[role=alert]"), "not found");
        browser.get(projectUrl);
        textAppears(By.cssSelector("[role=alert]"), "not found");
        open("/teams");
        assertFalse(browser.findElement(By.tagName("main")).getText().contains("Vitrification lab " + tag));
        open("/molecules/" + candidate);
        assertFalse(browser.findElement(By.tagName("main")).getText().contains("Candidate " + tag), "the shared molecule stays hidden");
        assertEquals(404, moleculeStatus(sam, candidate), "molecule-service hides it from the stranger too");
        assertEquals(200, moleculeStatus(viewer, candidate), "the viewer sees it through the share");

        // the owner changes roles, cannot leave the team without an owner (the server's reason), removes a member
        signIn(olivia);
        browser.get(teamUrl);
        changeRole(viewer, "editor");
        textAppears(By.id("notice"), "Role changed");
        assertEquals("editor", row(viewer).findElement(By.cssSelector(".member-role")).getText());
        changeRole(olivia, "viewer");
        textAppears(By.cssSelector("[role=alert]"), "keeps at least one owner");
        assertEquals("owner", row(olivia).findElement(By.cssSelector(".member-role")).getText(), "the refused change changed nothing");
        row(eddie).findElement(By.cssSelector("button.remove-member")).click();
        textAppears(By.id("notice"), "Member removed");
        String members = browser.findElement(By.id("members")).getText();
        assertFalse(members.contains(eddie.name()) || members.contains(eddie.email()), members);

        signIn(eddie);
        browser.get(projectUrl);
        textAppears(By.cssSelector("[role=alert]"), "not found");

        // renaming and deleting the project (owner)
        signIn(olivia);
        browser.get(projectUrl);
        fill(By.id("rename-project"), "Oocytes, slow cooling " + tag);
        click(By.id("rename"));
        textAppears(By.id("project-name"), "Oocytes, slow cooling " + tag);
        click(By.id("delete-project"));
        textAppears(By.id("notice"), "Project deleted");
        assertEquals(200, moleculeStatus(olivia, candidate), "the molecule stays with its owner");
        assertEquals(404, moleculeStatus(viewer, candidate), "and is no longer shared");
    }

    private static int moleculeStatus(Researcher who, String id) {
        return io.restassured.RestAssured.given().auth().oauth2(apiToken(who))
                .get(WebStack.MOLECULES.url() + "/api/molecules/" + id).statusCode();
    }

    private void invite(String email, String role) {
        fill(By.id("invite-email"), email);
        new Select(visible(By.id("invite-role"))).selectByValue(role);
        click(By.id("invite"));
        textAppears(By.id("notice"), "Invitation sent");
    }

    /** A member's row, by the name she saved or, if she signed in without one, her address. */
    private WebElement row(Researcher member) {
        return visible(By.id("members")).findElements(By.cssSelector("tbody tr")).stream()
                .filter(r -> r.findElement(By.cssSelector(".member-name")).getText().startsWith(member.name())
                        || r.findElement(By.cssSelector(".member-name")).getText().startsWith(member.email()))
                .findFirst().orElseThrow(() -> new AssertionError("no member " + member));
    }

    private void changeRole(Researcher member, String role) {
        WebElement row = row(member);
        new Select(row.findElement(By.cssSelector("select.role-select"))).selectByValue(role);
        row.findElement(By.cssSelector("button.change-role")).click();
    }
}
