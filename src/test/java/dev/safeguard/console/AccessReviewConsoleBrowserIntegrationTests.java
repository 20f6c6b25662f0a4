package dev.safeguard.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguard.testing.Database;
import dev.safeguard.testing.OnDatabase;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;

/**
 * Access reviews in a real browser: the security officer starts a campaign from the access-review page and sees
 * every entitlement listed; a manager (no officer rights) opens My access reviews, revokes a clinician's role with a
 * comment, sees it among their decisions, and the role is gone at once; the officer sees the campaign's progress.
 */
public abstract class AccessReviewConsoleBrowserIntegrationTests extends BrowserTest {


    @Test
    void officerStartsACampaign_managerRevokesAnItemWithAComment_andSeesItDecided() {
        SignedIn manager = newUser("staff");
        SignedIn clinician = newUser("clinician");
        manages(manager, clinician);

        WebDriver officer = browser();
        signIn(officer, officer());
        officer.findElement(By.linkText("Access reviews")).click();
        waitForPath(officer, "/program/access-reviews");
        officer.findElement(By.id("start-campaign")).click();
        wait(officer).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notice")));
        String campaignId = officer.getCurrentUrl().replaceAll(".*/program/access-reviews/([^/?#]+).*", "$1");
        assertThat(officer.findElement(By.id("items")).getText()).contains(clinician.username(), "Role clinician");
        screenshot(officer, "program-access-review");

        JsonNode item = null;
        for (JsonNode i : asOfficer().get("/api/program/access-reviews/" + campaignId + "/items?size=500").json()
                .get("items")) {
            if (i.get("subjectUserId").asString().equals(clinician.id()) && i.get("kind").asString().equals("role")) {
                item = i;
            }
        }
        assertThat(item).isNotNull();
        String itemId = item.get("id").asString();
        assertThat(item.get("reviewerId").asString()).isEqualTo(manager.id());

        WebDriver browser = browser();
        signIn(browser, manager);
        browser.findElement(By.linkText("My access reviews")).click();
        waitForPath(browser, "/me/access-reviews");
        WebElement section = browser.findElement(By.id("item-" + itemId));
        assertThat(section.getText()).contains(clinician.username(), "Role clinician");
        section.findElement(By.id("revoke-" + itemId)).click();
        section.findElement(By.id("decide-" + itemId)).click();
        assertThat(wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("form-error"))).getText())
                .as("a revocation needs a comment").contains("comment");
        browser.findElement(By.id("revoke-" + itemId)).click();
        type(browser, "comment-" + itemId, "Moved to the billing office; no clinical access needed");
        screenshot(browser, "me-access-reviews");
        browser.findElement(By.id("decide-" + itemId)).click();
        assertThat(wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("notice"))).getText())
                .contains("Decision recorded");
        WebElement decided = browser.findElement(By.id("decided-" + itemId));
        assertThat(decided.getText()).contains("revoke", "Moved to the billing office", "applied");
        assertThat(browser.findElements(By.id("item-" + itemId))).isEmpty();
        assertThat(asOfficer().get("/api/users/" + clinician.id()).json().get("roles").toString())
                .doesNotContain("clinician");

        officer.navigate().refresh();
        assertThat(officer.findElement(By.id("campaign-progress")).getText()).startsWith("1 of ")
                .contains("1 revoked");
        assertThat(officer.findElement(By.id("item-" + itemId)).getAttribute("data-decision")).isEqualTo("revoke");
    }
}

@OnDatabase(Database.SQLITE)
class SqliteAccessReviewConsoleBrowserIntegrationTests extends AccessReviewConsoleBrowserIntegrationTests {
}

@OnDatabase(Database.POSTGRES)
class PostgresAccessReviewConsoleBrowserIntegrationTests extends AccessReviewConsoleBrowserIntegrationTests {
}
