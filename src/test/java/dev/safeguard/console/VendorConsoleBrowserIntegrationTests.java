package dev.safeguard.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguard.testing.Api;
import dev.safeguard.testing.Database;
import dev.safeguard.testing.OnDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The vendor pages in a real browser: a compliance officer records a vendor with a contact, sees that its service
 * clients would be blocked, records the agreement request, executes it by uploading the signed document (a
 * multipart form carrying the CSRF token), sees it in force, links a service client, and opens the signed document's
 * evidence.
 */
public abstract class VendorConsoleBrowserIntegrationTests extends BrowserTest {

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
}

@OnDatabase(Database.SQLITE)
class SqliteVendorConsoleBrowserIntegrationTests extends VendorConsoleBrowserIntegrationTests {
}

@OnDatabase(Database.POSTGRES)
class PostgresVendorConsoleBrowserIntegrationTests extends VendorConsoleBrowserIntegrationTests {
}
