package dev.safeguard.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguard.testing.Api;
import dev.safeguard.testing.Database;
import dev.safeguard.testing.OnDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The policy pages in a real browser: a workforce member opens My policies, reads the policy in force and acknowledges
 * it, and sees it acknowledged; a compliance officer creates a policy from a template and cannot approve their own
 * draft, a security officer approves it and makes it effective, then switches the vault to emergency mode, and every
 * signed-in user sees the read-only banner until it is switched off.
 */
public abstract class PolicyConsoleBrowserIntegrationTests extends BrowserTest {

    private static final String ROW = "//table[@id='my-policies']//tr[th/a[text()='Clean Desk Procedure']]";

    @Test
    void aWorkforceMemberReadsAPolicyAndAcknowledgesIt() {
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

        SignedIn member = newUser("staff");
        WebDriver browser = browser();
        signIn(browser, member);
        browser.findElement(By.linkText("My policies")).click();
        waitForPath(browser, "/me/policies");
        WebElement row = browser.findElement(By.xpath(ROW));
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
        assertThat(browser.findElement(By.xpath(ROW)).getAttribute("data-acknowledged")).isEqualTo("true");
        assertThat(browser.findElement(By.xpath(ROW)).getText()).contains("acknowledged");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM program_policy_acknowledgments WHERE policy_id = ? AND user_id = ? "
                + "AND version = 1").params(id, member.id()).query(Long.class).single()).isEqualTo(1);
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
}

@OnDatabase(Database.SQLITE)
class SqlitePolicyConsoleBrowserIntegrationTests extends PolicyConsoleBrowserIntegrationTests {
}

@OnDatabase(Database.POSTGRES)
class PostgresPolicyConsoleBrowserIntegrationTests extends PolicyConsoleBrowserIntegrationTests {
}
