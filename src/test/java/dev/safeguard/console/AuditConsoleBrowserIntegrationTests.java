package dev.safeguard.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguard.audit.Alerts;
import dev.safeguard.testing.Api;
import dev.safeguard.testing.Database;
import dev.safeguard.testing.OnDatabase;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The console's audit pages in a real browser (see {@link BrowserTest}): only auditors and security officers read
 * the trail, find a refused request, see whether a signed tree head covers it, verify the whole trail, and work the
 * alert inbox; and every view of an audit page is itself in the trail.
 */
@OnDatabase(Database.SQLITE)
class AuditConsoleBrowserIntegrationTests extends BrowserTest {

    @Autowired
    private Alerts alerts;

    @Test
    void auditorFindsTheClinicianDeniedRequest_seesItCoveredBySignedTreeHead_andVerifiesTheTrail() {
        SignedIn clinician = newUser("clinician");
        assertThat(clinician.api().get("/api/audit/events").status()).as("a clinician may not read the trail")
                .isEqualTo(403);
        SignedIn auditor = newUser("auditor");
        WebDriver browser = browser();
        signIn(browser, auditor);

        browser.findElement(By.linkText("Audit events")).click();
        waitForPath(browser, "/audit/events");
        type(browser, "search-user", clinician.id());
        browser.findElement(By.id("search")).click();
        List<WebElement> denied = wait(browser).until(ExpectedConditions.numberOfElementsToBeMoreThan(
                By.cssSelector("#events tbody tr[data-status='403']"), 0));
        assertThat(browser.findElements(By.cssSelector("#events tbody tr")))
                .as("only the clinician's events").allSatisfy(row -> assertThat(row.getText())
                        .contains("user " + clinician.id()));
        screenshot(browser, "audit-events");

        String seq = denied.get(0).getAttribute("data-seq");
        denied.get(0).findElement(By.cssSelector("th a")).click();
        waitForPath(browser, "/audit/events/" + seq);
        assertThat(browser.findElement(By.id("event-status")).getText()).isEqualTo("403");
        assertThat(browser.findElement(By.id("event-fields")).getText()).contains(clinician.id());
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("only as keyed pseudonyms");

        // A head is signed once its interval has passed on the server's clock and new events arrived.
        clock.advance(Duration.ofSeconds(11));
        WebElement covered = wait(browser).until(d -> {
            d.navigate().refresh();
            WebElement status = d.findElement(By.id("inclusion-status"));
            return status.getText().startsWith("Included in the signed tree head of size") ? status : null;
        });
        long treeSize = Long.parseLong(covered.findElement(By.tagName("strong")).getText());
        assertThat(treeSize).isGreaterThanOrEqualTo(Long.parseLong(seq));
        screenshot(browser, "audit-event");

        browser.findElement(By.linkText("Verification")).click();
        waitForPath(browser, "/audit/verification");
        assertThat(browser.findElement(By.id("tree-size")).getText()).endsWith("events");
        browser.findElement(By.id("verify-now")).click();
        WebElement result = wait(browser).until(ExpectedConditions.visibilityOfElementLocated(
                By.id("verification-result")));
        assertThat(result.getText()).startsWith("OK:");
        screenshot(browser, "audit-verification");

        assertThat(consoleEvents(auditor.id(), "GET /audit/events/{seq}", 200))
                .as("the auditor's own view of the event is in the trail").isPositive();
        assertThat(consoleEvents(auditor.id(), "POST /audit/verification", 200)).isPositive();
    }

    @Test
    void clinicianIsRefusedTheAuditPages_andTheRefusalIsRecorded() {
        SignedIn clinician = newUser("clinician");
        WebDriver browser = browser();
        signIn(browser, clinician);
        assertThat(browser.findElements(By.linkText("Audit events"))).as("no audit links for a clinician").isEmpty();

        open(browser, "/audit/events");
        assertThat(browser.findElement(By.tagName("h1")).getText()).as("refused by the security chain or the page")
                .isIn("Not allowed", "You are not allowed to do this");
        assertThat(browser.findElements(By.id("events"))).isEmpty();
        assertThat(consoleEvents(clinician.id(), null, 403)).as("the refusal is in the trail").isEqualTo(1);

        Api api = clinician.api();
        for (String page : List.of("/audit/events", "/audit/events/1", "/audit/access-report?patient=Patient/1",
                "/audit/verification", "/audit/alerts")) {
            assertThat(api.get(page).status()).as(page).isEqualTo(403);
        }
        assertThat(api.csrf()).as("the posts below carry the session's CSRF token").isNotBlank();
        assertThat(api.post("/audit/verification").status()).isEqualTo(403);
        assertThat(api.post("/audit/alerts/1/resolve").status()).isEqualTo(403);
    }

    @Test
    void auditorSeesWhyASearchIsRefused_andAnEmptyAccessReportWithItsCsvLink() {
        WebDriver browser = browser();
        signIn(browser, newUser("auditor"));

        open(browser, "/audit/events?size=0");
        assertThat(wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("form-error"))).getText())
                .contains("size must be between 1 and 500");

        open(browser, "/audit/access-report");
        type(browser, "report-patient", "Patient/synthetic-404");
        browser.findElement(By.id("run-report")).click();
        wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("no-accesses")));
        assertThat(browser.findElement(By.id("csv-download")).getAttribute("href"))
                .endsWith("/api/audit/events/export?format=csv&patient=Patient%2Fsynthetic-404");

    }

    @Test
    void auditorAcknowledgesAnAlert_andThenResolvesIt() {
        String subject = "console-test-" + UUID.randomUUID();
        alerts.raise("console-test", Alerts.Severity.HIGH, subject, "A synthetic alert for the console test");
        SignedIn auditor = newUser("auditor");
        WebDriver browser = browser();
        signIn(browser, auditor);
        browser.findElement(By.linkText("Alerts")).click();
        waitForPath(browser, "/audit/alerts");

        By open = By.xpath("//table[@id='alerts-open']//tr[td='" + subject + "']");
        WebElement row = wait(browser).until(d -> {
            d.navigate().refresh(); // raising is asynchronous
            return d.findElements(open).stream().findFirst().orElse(null);
        });
        assertThat(row.getText()).contains("HIGH").contains("A synthetic alert for the console test");
        row.findElement(By.xpath(".//button[starts-with(normalize-space(.), 'Acknowledge')]")).click();
        wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "acknowledged"));
        WebElement acknowledged = browser.findElement(By.xpath("//table[@id='alerts-acknowledged']//tr[td='"
                + subject + "']"));
        assertThat(acknowledged.getText()).contains(auditor.id());
        assertThat(browser.findElements(open)).isEmpty();

        acknowledged.findElement(By.xpath(".//button[starts-with(normalize-space(.), 'Resolve')]")).click();
        wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "resolved"));
        assertThat(browser.findElements(By.xpath("//tr[td='" + subject + "']"))).isEmpty();
    }

    /** Console events of the user with the status, and the subtype unless {@code null}. */
    private long consoleEvents(String userId, String subtype, int status) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE type = 'console' AND agent_user = :user"
                        + " AND status = :status" + (subtype == null ? "" : " AND subtype = :subtype"))
                .param("user", userId).param("status", status)
                .param("subtype", subtype == null ? "" : subtype)
                .query(Long.class).single();
    }
}
