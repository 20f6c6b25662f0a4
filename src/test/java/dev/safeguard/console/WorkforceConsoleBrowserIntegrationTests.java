package dev.safeguard.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguard.testing.Api;
import dev.safeguard.testing.Database;
import dev.safeguard.testing.OnDatabase;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * The workforce's side of the compliance program in a real browser. A clinician on the roster completes a training
 * module with its attestation and acknowledges a policy in force, and their manager (no officer rights) completes the
 * access-review item of the clinician's role with a comment, which takes the role away at once. A security officer
 * terminates a member after the confirmation step that lists what will be revoked; officers take a policy template
 * to effect (its author cannot approve it) and switch the vault to emergency mode, whose banner every user sees.
 */
@OnDatabase(Database.SQLITE)
class WorkforceConsoleBrowserIntegrationTests extends BrowserTest {

    private static final String POLICY_ROW = "//table[@id='my-policies']//tr[th/a[text()='Clean Desk Procedure']]";

    @Test
    void aMemberCompletesTrainingAndAcknowledgesAPolicy_andTheirManagerCompletesAnAccessReviewItem() {
        SignedIn manager = newUser("staff");
        SignedIn clinician = newUser("clinician");
        manages(manager, clinician);
        String policy = policyInForce();
        WebDriver browser = browser();
        signIn(browser, clinician);
        completeTraining(browser);
        acknowledgePolicy(browser, policy);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM program_policy_acknowledgments WHERE policy_id = ? AND user_id = ? "
                + "AND version = 1").params(policy, clinician.id()).query(Long.class).single()).isEqualTo(1);
        reviewTheRole(manager, clinician);
    }

    private void completeTraining(WebDriver browser) {
        browser.findElement(By.linkText("My training")).click();
        waitForPath(browser, "/me/training");
        WebElement toDo = browser.findElement(By.id("to-do"));
        assertThat(toDo.findElements(By.cssSelector("tbody tr"))).hasSize(6);
        screenshot(browser, "me-training");
        toDo.findElement(By.cssSelector("tr[data-module='phishing'] a")).click();
        wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("module-text")));
        assertThat(browser.findElement(By.cssSelector("#module-text h1")).getText())
                .isEqualTo("Phishing and social engineering");
        assertThat(browser.findElement(By.id("module-text")).getText()).contains("Self-check", "Don't read or forward");
        assertThat(browser.findElement(By.cssSelector("label[for], .checks label")).getText())
                .contains("By completing this module I confirm");
        browser.findElement(By.id("attest")).click();
        screenshot(browser, "me-training-module");
        browser.findElement(By.id("complete")).click();
        waitForPath(browser, "/me/training");
        assertThat(wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("completed-notice")))
                .getText()).contains("Completed");
        WebElement done = browser.findElement(By.cssSelector("#done tr[data-module='phishing']"));
        assertThat(done.getAttribute("data-status")).isEqualTo("completed");
        assertThat(browser.findElements(By.cssSelector("#to-do tbody tr"))).hasSize(5);
        done.findElement(By.tagName("a")).click();
        wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("completed-at")));
        assertThat(browser.findElements(By.id("attest-form"))).as("completed once").isEmpty();
    }

    /** A policy that needs acknowledgment, written by a compliance officer and approved by another officer. */
    private String policyInForce() {
        SignedIn compliance = newUser("compliance-officer");
        Api.Response created = compliance.api().post("/api/program/policies", Api.map("title",
                "Clean Desk Procedure", "citations", List.of("164.310(b)"), "acknowledgmentRequired", true,
                "markdown", "# Clean Desk Procedure\n\n1. Lock your screen when you step away.\n2. Collect printouts "
                        + "at once.\n\n<script>alert('x')</script>\n"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("policy").get("id").asString();
        assertThat(asOfficer().post("/api/program/policies/" + id + "/versions/1/approval", Api.map()).status())
                .isEqualTo(200);
        assertThat(compliance.api().post("/api/program/policies/" + id + "/versions/1/effective", Api.map()).status())
                .isEqualTo(200);
        return id;
    }

    private void acknowledgePolicy(WebDriver browser, String id) {
        browser.findElement(By.linkText("My policies")).click();
        waitForPath(browser, "/me/policies");
        WebElement row = browser.findElement(By.xpath(POLICY_ROW));
        assertThat(row.getAttribute("data-acknowledged")).isEqualTo("false");
        assertThat(row.getText()).contains("to read");
        row.findElement(By.linkText("Clean Desk Procedure")).click();
        waitForPath(browser, "/me/policies/" + id);
        WebElement text = browser.findElement(By.id("policy-text"));
        assertThat(text.findElement(By.tagName("h1")).getText()).isEqualTo("Clean Desk Procedure");
        assertThat(text.findElements(By.tagName("li"))).hasSize(2);
        assertThat(text.getText()).as("raw HTML is shown as text, never run").contains("<script>");
        assertThat(text.findElements(By.tagName("script"))).isEmpty();
        screenshot(browser, "my-policy");
        browser.findElement(By.id("understood")).click();
        browser.findElement(By.id("acknowledge")).click();
        wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"),
                "Acknowledged"));
        assertThat(browser.findElement(By.id("acknowledged")).getText()).contains("You acknowledged version 1");
        assertThat(browser.findElements(By.id("acknowledge"))).isEmpty();
        browser.findElement(By.linkText("My policies")).click();
        waitForPath(browser, "/me/policies");
        assertThat(browser.findElement(By.xpath(POLICY_ROW)).getAttribute("data-acknowledged")).isEqualTo("true");
    }

    /** The officer starts a campaign; the manager revokes the clinician's role with a comment; it is gone at once. */
    private void reviewTheRole(SignedIn manager, SignedIn clinician) {
        WebDriver officer = browser();
        signIn(officer, officer());
        officer.findElement(By.linkText("Access reviews")).click();
        waitForPath(officer, "/program/access-reviews");
        officer.findElement(By.id("start-campaign")).click();
        wait(officer).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notice")));
        String campaignId = officer.getCurrentUrl().replaceAll(".*/program/access-reviews/([^/?#]+).*", "$1");
        assertThat(officer.findElement(By.id("items")).getText()).contains(clinician.username(), "Role clinician");
        screenshot(officer, "program-access-review");
        String itemId = null;
        for (JsonNode i : asOfficer().get("/api/program/access-reviews/" + campaignId + "/items?size=500").json()
                .get("items")) {
            if (i.get("subjectUserId").asString().equals(clinician.id()) && i.get("kind").asString().equals("role")) {
                assertThat(i.get("reviewerId").asString()).as("the roster's manager reviews").isEqualTo(manager.id());
                itemId = i.get("id").asString();
            }
        }
        assertThat(itemId).isNotNull();

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

    @Test
    void anOfficerTerminatesAMemberAfterSeeingWhatWillBeRevoked() {
        SignedIn leaving = newUser("staff");
        String member = onTheRoster("Quinn Adler", "Front desk", leaving.id());
        assertThat(leaving.api().get("/api/session").status()).isEqualTo(200);
        WebDriver browser = browser();
        signIn(browser, officer());
        browser.findElement(By.linkText("Workforce")).click();
        waitForPath(browser, "/program/workforce");
        browser.findElement(By.linkText("Quinn Adler")).click();
        waitForPath(browser, "/program/workforce/" + member);
        browser.findElement(By.id("terminate")).click();
        waitForPath(browser, "/program/workforce/" + member + "/terminate");
        WebElement account = browser.findElement(By.cssSelector("[data-user='" + leaving.id() + "']"));
        assertThat(account.getText()).contains(leaving.username(), "1 session, ended at once");
        assertThat(browser.findElement(By.id("revocation-count")).getText()).startsWith("2 revocations");
        new Select(browser.findElement(By.id("reason"))).selectByValue("resignation");
        browser.findElement(By.id("confirm")).click();
        screenshot(browser, "program-terminate");
        browser.findElement(By.id("confirm-terminate")).click();
        wait(browser).until(d -> URI.create(d.getCurrentUrl()).getPath().startsWith("/program/terminations/"));
        assertThat(browser.findElement(By.id("termination-status")).getText()).isEqualTo("executed");
        assertThat(browser.findElement(By.id("within-target")).getText()).isEqualTo("within the 1-hour target");
        assertThat(browser.findElements(By.cssSelector("#items tr[data-kind='SESSION']"))).hasSize(1);
        screenshot(browser, "program-termination");
        assertThat(leaving.api().get("/api/session").status()).isEqualTo(401);
    }

    @Test
    void officersTakeATemplateToEffect_andEmergencyModeShowsEveryoneTheReadOnlyBanner() {
        SignedIn compliance = newUser("compliance-officer");
        WebDriver author = browser();
        signIn(author, compliance);
        author.findElement(By.linkText("Policies")).click();
        waitForPath(author, "/program/policies");
        new Select(author.findElement(By.id("policy-template"))).selectByValue("sanctions");
        type(author, "policy-organization", "Riverside Family Clinic");
        author.findElement(By.id("create-from-template")).click();
        wait(author).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"),
                "draft version 1"));
        String policyPath = java.net.URI.create(author.getCurrentUrl()).getPath();
        author.findElement(By.linkText("version 1 (draft)")).click();
        waitForPath(author, policyPath + "/versions/1");
        assertThat(author.findElement(By.id("policy-text")).getText()).contains("Sanctions Policy",
                "Riverside Family Clinic");
        assertThat(author.findElements(By.id("approve"))).as("not the author's to approve").isEmpty();
        assertThat(author.findElement(By.id("approval-by-another")).isDisplayed()).isTrue();

        WebDriver officer = browser();
        signIn(officer, officer());
        open(officer, policyPath + "/versions/1");
        officer.findElement(By.id("approve")).click();
        wait(officer).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"),
                "Approved"));
        assertThat(officer.findElement(By.id("version-state")).getText()).isEqualTo("approved");
        officer.findElement(By.id("make-effective")).click();
        wait(officer).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"),
                "Made effective"));
        assertThat(officer.findElement(By.id("version-state")).getText()).isEqualTo("effective");
        officer.findElement(By.linkText("Sanctions Policy")).click();
        waitForPath(officer, policyPath);
        assertThat(officer.findElement(By.id("policy-text")).findElement(By.tagName("h1")).getText())
                .isEqualTo("Sanctions Policy");
        screenshot(officer, "program-policy");

        officer.findElement(By.linkText("Emergency mode")).click();
        waitForPath(officer, "/admin/emergency-mode");
        type(officer, "emergency-reason", "Restoring the database after a disk failure");
        officer.findElement(By.id("emergency-confirm")).click();
        officer.findElement(By.id("switch-on")).click();
        wait(officer).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"),
                "read-only"));
        assertThat(officer.findElement(By.id("emergency-banner")).getText()).contains("read-only",
                "Restoring the database after a disk failure");
        screenshot(officer, "emergency-mode");
        author.navigate().refresh();
        assertThat(author.findElement(By.id("emergency-banner")).getText()).contains("read-only");

        officer.findElement(By.id("emergency-confirm-off")).click();
        officer.findElement(By.id("switch-off")).click();
        wait(officer).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"),
                "accepts writes again"));
        assertThat(officer.findElements(By.id("emergency-banner"))).isEmpty();
        assertThat(officer.findElement(By.id("emergency-history")).getText()).contains("Restoring the database");
        author.navigate().refresh();
        assertThat(author.findElements(By.id("emergency-banner"))).isEmpty();
    }
    private String onTheRoster(String name, String job, String userId) {
        Api.Response created = asOfficer().post("/api/program/workforce", Api.map("name", name, "jobTitle", job,
                "hireDate", "2024-05-01", "userIds", List.of(userId)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("id");
    }
}
