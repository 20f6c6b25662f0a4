package dev.safeguard.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguard.testing.Database;
import dev.safeguard.testing.OnDatabase;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The risk and inventory pages in a real browser: a compliance officer records a risk with its likelihood and impact
 * and finds it counted in the heat-map cell of its Table I-2 level; the inventory shows Safeguard's own parts and the
 * data-flow page shows the map drawn (Graphviz installed) or its DOT source with a note (not installed); an auditor
 * reads the register without a way to change it.
 */
@OnDatabase(Database.SQLITE)
class RiskConsoleBrowserIntegrationTests extends BrowserTest {

    @Test
    void aComplianceOfficerRecordsARiskAndSeesItsLevelInTheHeatMap() throws Exception {
        SignedIn compliance = newUser("compliance-officer");
        WebDriver browser = browser();
        signIn(browser, compliance);
        browser.findElement(By.linkText("Risk register")).click();
        waitForPath(browser, "/program/risks");
        assertThat(browser.findElement(By.id("cell-high-very-high")).getAttribute("data-count")).isEqualTo("0");

        browser.findElement(By.id("new-risk")).click();
        waitForPath(browser, "/program/risks/new");
        type(browser, "risk-title", "Ransomware encrypts the EHR");
        new Select(browser.findElement(By.id("risk-threat-id"))).selectByValue("ransomware");
        type(browser, "risk-vulnerability", "Backups reachable from the domain");
        type(browser, "risk-controls", "164.308(a)(7)(ii)(A) nonsense");
        new Select(browser.findElement(By.id("risk-likelihood"))).selectByValue("high");
        new Select(browser.findElement(By.id("risk-impact"))).selectByValue("very-high");
        browser.findElement(By.id("save-risk")).click();
        assertThat(wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("form-error"))).getText())
                .contains("not a Security Rule specification id");
        type(browser, "risk-controls", "164.308(a)(7)(ii)(A) 164.312(a)(1)");
        browser.findElement(By.id("save-risk")).click();
        waitForPath(browser, "/program/risks");

        WebElement cell = browser.findElement(By.id("cell-high-very-high"));
        assertThat(cell.getAttribute("data-count")).isEqualTo("1");
        assertThat(cell.getAttribute("class")).contains("level-very-high");
        assertThat(cell.getText()).contains("1").contains("Very high");
        WebElement row = browser.findElement(By.xpath("//table[@id='risks']//tr[th/a[text()='Ransomware encrypts the EHR']]"));
        assertThat(row.getText()).contains("Very high").contains("No plan yet");
        screenshot(browser, "risk-register");

        browser.findElement(By.linkText("Inventory")).click();
        waitForPath(browser, "/program/inventory");
        assertThat(browser.findElement(By.id("assets")).getText()).contains("Safeguard server")
                .contains("Audit checkpoint file");
        type(browser, "asset-name", "Front desk PC");
        new Select(browser.findElement(By.id("asset-kind"))).selectByValue("device");
        browser.findElement(By.id("asset-ephi")).click();
        type(browser, "asset-location", "Reception");
        new Select(browser.findElement(By.id("asset-encryption"))).selectByValue("unencrypted");
        browser.findElement(By.id("add-asset")).click();
        assertThat(wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notice")))
                .getText()).contains("Added the asset");
        browser.findElement(By.linkText("data flows and the ePHI data-flow map")).click();
        waitForPath(browser, "/program/inventory/data-flows");
        if (dev.safeguard.program.InventoryIntegrationTests.dotInstalled()) {
            WebElement map = browser.findElement(By.id("data-flow-map"));
            wait(browser).until(d -> ((Number) ((JavascriptExecutor) d).executeScript(
                    "return arguments[0].naturalWidth", map)).intValue() > 0);
        } else {
            assertThat(browser.findElement(By.id("map-note")).getText()).contains("Graphviz is not installed");
            assertThat(browser.findElement(By.id("data-flow-dot")).getText()).contains("Front desk PC");
        }
        screenshot(browser, "data-flows");

        WebDriver auditor = browser();
        signIn(auditor, newUser("auditor"));
        auditor.findElement(By.linkText("Risk register")).click();
        waitForPath(auditor, "/program/risks");
        assertThat(auditor.findElement(By.id("cell-high-very-high")).getAttribute("data-count")).isEqualTo("1");
        assertThat(auditor.findElements(By.id("new-risk"))).isEmpty();
    }
}
