package dev.safeguard.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguard.testing.Api;
import dev.safeguard.testing.Database;
import dev.safeguard.testing.OnDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The program's operations in a real browser. Vendors: a compliance officer records a vendor with a contact, sees
 * that its service clients would be blocked, requests the agreement, executes it by uploading the signed document (a
 * multipart form carrying the CSRF token), sees it in force, links a service client and opens the document's signed
 * evidence. Incidents: a clinician reports a suspected incident; the security officer sees its deadline clocks
 * running from the day of discovery, and after recording twelve affected people in one state the HHS deadline moves
 * to the annual log. Contingency: a compliance officer runs a restore drill with one click, the page refreshes itself
 * (htmx under the strict CSP) until the drill has passed with its measured recovery time and signed evidence, and
 * maintains the criticality list.
 */
@OnDatabase(Database.SQLITE)
class ProgramOperationsConsoleBrowserIntegrationTests extends BrowserTest {

    @Test
    void officerRecordsAVendorAnExecutedAgreementAndLinksAClient() throws IOException {
        Api.Response key = asOfficer().post("/api/service-clients", Api.map("name", "Lab results feed", "scopes",
                List.of("system/Observation.read"), "patients", List.of(), "expiresInDays", 30));
        assertThat(key.status()).as(key.toString()).isEqualTo(201);
        String clientId = key.json().get("client").get("id").asString();
        Path document = Files.createTempFile("signed-baa-", ".pdf");
        Files.writeString(document, "%PDF-1.7 synthetic signed agreement " + UUID.randomUUID());
        String name = "Northwind Labs " + UUID.randomUUID().toString().substring(0, 8);

        SignedIn compliance = newUser("compliance-officer");
        WebDriver browser = browser();
        signIn(browser, compliance);
        browser.findElement(By.linkText("Vendors and BAAs")).click();
        waitForPath(browser, "/program/vendors");
        browser.findElement(By.id("new-vendor")).click();
        waitForPath(browser, "/program/vendors/new");
        type(browser, "vendor-name", name);
        type(browser, "vendor-services", "Laboratory results interface\nCourier of specimens");
        browser.findElement(By.id("vendor-receives")).click();
        browser.findElement(By.id("vendor-transmits")).click();
        type(browser, "contact-name-0", "Dana Privacy");
        type(browser, "contact-role-0", "Privacy officer");
        type(browser, "contact-email-0", "privacy@northwind.example");
        browser.findElement(By.id("save-vendor")).click();
        wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notice")));
        assertThat(browser.findElement(By.id("vendor-name")).getText()).isEqualTo(name);
        assertThat(browser.findElement(By.id("coverage")).getText()).contains("No business associate agreement")
                .contains("refused every FHIR request");
        assertThat(browser.findElement(By.id("contacts")).getText()).contains("Dana Privacy", "Privacy officer");
        String vendorPath = java.net.URI.create(browser.getCurrentUrl()).getPath();

        browser.findElement(By.id("request-button")).click();
        wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"),
                "Recorded the agreement request"));
        String agreementId = browser.findElement(By.cssSelector("#agreements tbody tr")).getAttribute(
                "data-agreement");
        browser.findElement(By.id("document-" + agreementId)).sendKeys(document.toAbsolutePath().toString());
        String lastDay = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(400).toString();
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];",
                browser.findElement(By.id("last-day-" + agreementId)), lastDay);
        browser.findElement(By.id("execute-button-" + agreementId)).click();
        wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"),
                "Recorded the executed agreement"));
        assertThat(browser.findElement(By.id("coverage")).getAttribute("data-agreement")).isEqualTo("in-force");
        assertThat(browser.findElement(By.id("coverage")).getText()).contains("400 days");
        assertThat(browser.findElement(By.cssSelector("#agreements tr[data-agreement='" + agreementId + "']"))
                .getAttribute("data-state")).isEqualTo("executed");
        screenshot(browser, "program-vendor");

        new Select(browser.findElement(By.id("link-client-id"))).selectByValue(clientId);
        browser.findElement(By.id("link-button")).click();
        wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"),
                "Linked the service client"));
        assertThat(browser.findElement(By.id("clients")).getText()).contains("Lab results feed", clientId);
        assertThat(asOfficer().get("/api/program/vendors" + vendorPath.substring("/program/vendors".length()))
                .json().get("clientIds").toString()).contains(clientId);

        browser.findElement(By.linkText("Vendors and BAAs")).click();
        waitForPath(browser, "/program/vendors");
        assertThat(browser.findElement(By.cssSelector("#vendors tr[data-agreement='in-force']")).getText())
                .contains(name, "RT");
        browser.get(base().resolve(vendorPath).toString());
        browser.findElement(By.cssSelector("#agreements a")).click();
        wait(browser).until(d -> d.getCurrentUrl().contains("/program/evidence/"));
        assertThat(browser.findElement(By.id("evidence-fields")).getText()).contains("164.308(b)(3)",
                document.getFileName().toString());
        Files.deleteIfExists(document);
    }

    @Test
    void aReportedIncidentShowsItsDeadlineClocksToTheOfficer() {
        while (clock.instant().atZone(ZoneOffset.UTC).getHour() >= 22) {
            clock.advance(java.time.Duration.ofMinutes(30));
        }
        SignedIn clinician = newUser("clinician");
        WebDriver reporter = browser();
        signIn(reporter, clinician);
        reporter.findElement(By.linkText("Report an incident")).click();
        waitForPath(reporter, "/me/incidents/new");
        type(reporter, "incident-title", "Printed schedule left in the waiting room");
        new Select(reporter.findElement(By.id("incident-category"))).selectByValue("improper-disposal");
        type(reporter, "incident-description", "A printed clinic schedule was on a chair in the waiting room.");
        reporter.findElement(By.id("submit-report")).click();
        assertThat(wait(reporter).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notice")))
                .getText()).contains("security officer has been alerted");
        assertThat(reporter.findElement(By.id("my-incident-status")).getText()).isEqualTo("reported");
        String reference = reporter.findElement(By.tagName("h1")).getText().split(" ")[0];
        screenshot(reporter, "me-incident");

        WebDriver officer = browser();
        signIn(officer, officer());
        officer.findElement(By.linkText("Incidents")).click();
        waitForPath(officer, "/program/incidents");
        WebElement row = officer.findElement(By.xpath("//table[@id='incidents']//tr[th/a[text()='" + reference
                + "']]"));
        assertThat(row.getText()).contains("60 days left").contains("presumed-breach").contains("reported");
        screenshot(officer, "program-incidents");
        row.findElement(By.linkText(reference)).click();
        wait(officer).until(ExpectedConditions.textToBe(By.id("incident-reference"), reference));
        LocalDate due = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(60);
        WebElement individuals = officer.findElement(By.xpath("//table[@id='deadlines']//tr[@data-key='individuals']"));
        assertThat(individuals.getText()).contains("164.404(b)").contains(due.toString()).contains("60 days left");
        assertThat(officer.findElement(By.xpath("//table[@id='deadlines']//tr[@data-key='hhs']")).getText())
                .contains("164.408(b)").contains("500 or more is assumed");
        screenshot(officer, "program-incident");

        officer.findElement(By.xpath("//summary[contains(., 'established outside the vault')]")).click();
        type(officer, "count-total", "12");
        type(officer, "count-states", "CA=12");
        type(officer, "count-notes", "Twelve appointments were on the schedule.");
        officer.findElement(By.id("record-count")).click();
        assertThat(wait(officer).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notice")))
                .getText()).contains("Count recorded");
        assertThat(officer.findElement(By.id("affected-total")).getText()).contains("12");
        assertThat(officer.findElement(By.xpath("//table[@id='deadlines']//tr[@data-key='hhs']")).getText())
                .contains("164.408(c)").contains("annual log");
        assertThat(officer.findElements(By.xpath("//table[@id='deadlines']//tr[starts-with(@data-key, 'media')]")))
                .isEmpty();
    }

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
