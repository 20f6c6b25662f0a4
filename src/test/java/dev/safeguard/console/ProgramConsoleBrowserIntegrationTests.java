package dev.safeguard.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguard.testing.Api;
import dev.safeguard.testing.Database;
import dev.safeguard.testing.OnDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The compliance program pages in a real browser: a compliance officer opens the catalog, finds an addressable
 * specification without a decision, is refused when recording an equivalent alternative without a rationale, records
 * it with rationale and approver and sees it in the decision records and the catalog, switches to the proposed-rule
 * view, and verifies a piece of evidence's signature in place; the compliance dashboard draws its Chart.js charts
 * under the strict CSP.
 */
@OnDatabase(Database.SQLITE)
class ProgramConsoleBrowserIntegrationTests extends BrowserTest {

    static final String SPEC = "164.308(a)(5)(ii)(C)";
    static final String ROW = "//tr[@data-spec='" + SPEC + "']";

    @Test
    void complianceOfficerRecordsADecisionSeesItInTheCatalogAndVerifiesEvidence() {
        SignedIn compliance = newUser("compliance-officer");
        Api.Response recorded = compliance.api().post("/api/program/evidence", Api.map("controls", List.of(SPEC),
                "kind", "document", "result", "pass", "details", "Log-in monitoring procedure, version 3",
                "content", Api.map("procedure", "Review failed sign-in alerts daily")));
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        String evidenceId = recorded.text("id");

        WebDriver browser = browser();
        signIn(browser, compliance);
        browser.findElement(By.linkText("Catalog and controls")).click();
        waitForPath(browser, "/program/catalog");
        WebElement row = browser.findElement(By.xpath(ROW));
        assertThat(row.getText()).containsIgnoringCase("Log-in monitoring").containsIgnoringCase("addressable").containsIgnoringCase("decision missing");
        screenshot(browser, "program-catalog");
        row.findElement(By.linkText(SPEC)).click();
        wait(browser).until(ExpectedConditions.textToBe(By.id("control-id"), SPEC));
        assertThat(browser.findElement(By.id("decision-missing")).isDisplayed()).isTrue();

        new Select(browser.findElement(By.id("decision-kind"))).selectByValue("equivalent-alternative");
        type(browser, "decision-alternative", "Daily review of the sign-in failure alerts by the practice manager");
        new Select(browser.findElement(By.id("decision-approver"))).selectByValue(compliance.id());
        browser.findElement(By.id("record-decision")).click();
        assertThat(wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("form-error"))).getText())
                .contains("rationale");
        assertThat(browser.findElements(By.id("decisions"))).isEmpty();

        type(browser, "decision-rationale", "Automated lockout and alerts cover log-in monitoring for a small team");
        new Select(browser.findElement(By.id("decision-approver"))).selectByValue(compliance.id());
        browser.findElement(By.id("record-decision")).click();
        assertThat(wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notice")))
                .getText()).contains("Decision recorded");
        assertThat(browser.findElement(By.id("decisions")).getText()).contains("equivalent-alternative")
                .contains("Automated lockout").contains(compliance.username());
        assertThat(browser.findElements(By.id("decision-missing"))).isEmpty();
        screenshot(browser, "program-control");

        browser.findElement(By.linkText("Catalog and controls")).click();
        waitForPath(browser, "/program/catalog");
        assertThat(browser.findElement(By.xpath(ROW)).getText()).contains("equivalent-alternative")
                .contains("approved by " + compliance.username()).doesNotContainIgnoringCase("decision missing");
        browser.findElement(By.id("view-proposed")).click();
        wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("proposed-notice")));
        assertThat(browser.findElement(By.xpath(ROW)).getText()).containsIgnoringCase("required").doesNotContainIgnoringCase("addressable");
        assertThat(browser.findElement(By.xpath("//tr[@data-spec='164.308(a)(3)(ii)(C)']")).getText())
                .contains("within 1 hour");

        browser.findElement(By.linkText("Evidence")).click();
        waitForPath(browser, "/program/evidence");
        assertThat(browser.findElement(By.id("evidence-list")).getText()).contains("Log-in monitoring procedure");
        browser.findElement(By.xpath("//table[@id='evidence-list']//tr[td[contains(., 'Log-in monitoring "
                + "procedure')]]//a")).click();
        waitForPath(browser, "/program/evidence/" + evidenceId);
        assertThat(browser.findElements(By.id("verification-status"))).isEmpty();
        browser.findElement(By.id("verify-signature")).click();
        assertThat(wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("verification-status")))
                .getText()).contains("Signature valid");
        // Verified in place: htmx swapped the section, the page did not change.
        waitForPath(browser, "/program/evidence/" + evidenceId);
        screenshot(browser, "program-evidence");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE type = 'program-evidence' AND subtype = 'verify' "
                + "AND entity_id = ?").param(evidenceId).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void complianceOfficerRunsTheEvaluationChecksAndOpensTheEvidenceOfOne() {
        SignedIn compliance = newUser("compliance-officer");
        WebDriver browser = browser();
        signIn(browser, compliance);
        browser.findElement(By.linkText("Checks")).click();
        waitForPath(browser, "/program/checks");
        assertThat(browser.findElements(By.cssSelector("#checks tbody tr")))
                .hasSizeGreaterThanOrEqualTo(15);
        browser.findElement(By.id("run-all")).click();
        wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".notice"), "Ran every check"));
        assertThat(browser.findElements(By.cssSelector("#checks tbody tr[data-result='none']")))
                .isEmpty();
        WebElement tls = browser.findElement(By.id("check-platform-tls"));
        assertThat(tls.getAttribute("data-result")).isEqualTo("pass");
        screenshot(browser, "program-checks");
        tls.findElement(By.cssSelector("td a")).click();
        wait(browser).until(d -> d.getCurrentUrl().contains("/program/evidence/"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("platform.tls");
    }

    @Test
    void complianceOfficerOpensTheDashboardAndTheChartsRender() {
        SignedIn compliance = newUser("compliance-officer");
        assertThat(compliance.api().post("/api/program/metrics/snapshot").status()).isEqualTo(200);
        WebDriver browser = browser();
        signIn(browser, compliance);
        browser.findElement(By.linkText("Compliance dashboard")).click();
        waitForPath(browser, "/program/dashboard");
        assertThat(browser.findElement(By.id("tile-mfa-coverage")).getText()).contains("%");
        assertThat(browser.findElement(By.id("table-categories")).getText()).contains("technical");
        List<WebElement> canvases = browser.findElements(By.cssSelector("canvas[data-chart]"));
        assertThat(canvases).hasSizeGreaterThanOrEqualTo(2);
        JavascriptExecutor js = (JavascriptExecutor) browser;
        wait(browser).until(d -> Boolean.TRUE.equals(js.executeScript("return typeof Chart !== 'undefined' && "
                + "Array.prototype.every.call(document.querySelectorAll('canvas[data-chart]'), "
                + "function (c) { return Chart.getChart(c) != null; })")));
        assertThat((Long) js.executeScript("return Chart.getChart(document.getElementById('chart-categories'))"
                + ".data.labels.length")).isEqualTo(5L);
        assertThat((Long) js.executeScript("return Chart.getChart(document.getElementById("
                + "'chart-trend-mfa-coverage')).data.datasets[0].data.length")).isGreaterThanOrEqualTo(1L);
        screenshot(browser, "program-dashboard");
        browser.findElement(By.id("record-snapshot")).click();
        wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"),
                "Recorded today's metrics"));
    }
}
