package dev.safeguard.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguard.testing.Api;
import dev.safeguard.testing.Database;
import dev.safeguard.testing.OnDatabase;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The contingency page in a real browser: a compliance officer runs a restore drill with one click, the page (htmx,
 * under the strict CSP) refreshes itself until the drill shows as passed with its measured recovery time and a link to
 * its signed evidence, then adds an ePHI asset to the criticality analysis and changes its recovery time objective.
 */
public abstract class ContingencyConsoleBrowserIntegrationTests extends BrowserTest {

    @Test
    void complianceOfficerRunsARestoreDrillSeesItsRecoveryTimeAndMaintainsTheCriticalityList() {
        SignedIn compliance = newUser("compliance-officer");
        Api.Response asset = compliance.api().post("/api/program/assets", Api.map("name", "Practice EHR",
                "kind", "application", "ephi", true, "location", "Main clinic", "encryption", "encrypted",
                "centralLogging", true));
        assertThat(asset.status()).as(asset.toString()).isEqualTo(201);
        String assetId = asset.text("id");

        WebDriver browser = browser();
        signIn(browser, compliance);
        browser.findElement(By.linkText("Contingency")).click();
        waitForPath(browser, "/program/contingency");
        assertThat(browser.findElement(By.id("criticality")).getText()).contains("Safeguard database", "Master key");
        assertThat(browser.findElements(By.id("no-drills"))).hasSize(1);

        browser.findElement(By.id("drill-now")).click();
        assertThat(wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("notice"))).getText())
                .contains("Restore drill started");
        // No reload: the runs section refreshes itself until the drill is done.
        new WebDriverWait(browser, Duration.ofSeconds(90)).until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//table[@id='drills']//tr[@data-status='passed']")));
        String row = browser.findElement(By.xpath("//table[@id='drills']//tr[@data-status='passed']")).getText();
        assertThat(row).containsPattern("\\d+(\\.\\d)? (ms|s)").contains("Signed evidence");
        assertThat(browser.findElement(By.xpath("//table[@id='backups']//tr[@data-status='completed']")).getText())
                .contains("OK");
        screenshot(browser, "program-contingency");
        browser.findElement(By.linkText("Signed evidence")).click();
        wait(browser).until(d -> d.getCurrentUrl().contains("/program/evidence/"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("164.308(a)(7)(ii)(D)");

        browser.navigate().back();
        waitForPath(browser, "/program/contingency");
        new Select(browser.findElement(By.id("entry-asset"))).selectByValue(assetId);
        new Select(browser.findElement(By.id("entry-tier"))).selectByValue("2");
        type(browser, "entry-rto", "48");
        type(browser, "entry-rpo", "4");
        new Select(browser.findElement(By.id("entry-dependencies"))).selectByVisibleText("Safeguard server");
        type(browser, "entry-notes", "Scheduling and charts; paper fallback for 48 hours");
        browser.findElement(By.id("add-entry")).click();
        assertThat(wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("notice"))).getText())
                .contains("Criticality entry saved");
        String entry = browser.findElement(By.xpath("//table[@id='criticality']//tr[@data-asset='" + assetId + "']"))
                .getText();
        assertThat(entry).contains("Practice EHR", "2 (essential)", "48 h", "4 h", "Safeguard server");

        browser.findElement(By.linkText("Practice EHR")).click();
        wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("save-entry")));
        type(browser, "entry-rto", "24");
        browser.findElement(By.id("save-entry")).click();
        waitForPath(browser, "/program/contingency");
        assertThat(browser.findElement(By.xpath("//table[@id='criticality']//tr[@data-asset='" + assetId + "']"))
                .getText()).contains("24 h");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE type = 'program-contingency' AND subtype IN "
                + "('criticality-create', 'criticality-update')").query(Long.class).single()).isEqualTo(2);
    }
}

@OnDatabase(Database.SQLITE)
class SqliteContingencyConsoleBrowserIntegrationTests extends ContingencyConsoleBrowserIntegrationTests {
}

@OnDatabase(Database.POSTGRES)
class PostgresContingencyConsoleBrowserIntegrationTests extends ContingencyConsoleBrowserIntegrationTests {
}
