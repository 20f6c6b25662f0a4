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

/**
 * Workforce and training in a real browser: a clinician on the roster opens their training, reads a module, attests
 * and completes it, and sees it completed; a security officer terminates a member after the confirmation step that
 * lists what will be revoked, and reads the record with its latency.
 */
public abstract class WorkforceConsoleBrowserIntegrationTests extends BrowserTest {

    @Test
    void aClinicianReadsATrainingModuleAttestsAndSeesItCompleted() {
        SignedIn clinician = newUser("clinician");
        onTheRoster("Morgan Reyes", "Staff nurse", clinician.id());
        WebDriver browser = browser();
        signIn(browser, clinician);
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
        WebElement attest = browser.findElement(By.id("attest"));
        assertThat(browser.findElement(By.cssSelector("label[for], .checks label")).getText())
                .contains("By completing this module I confirm");
        attest.click();
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
        assertThat(browser.findElements(By.id("attest-form"))).isEmpty();
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

    private String onTheRoster(String name, String job, String userId) {
        Api.Response created = asOfficer().post("/api/program/workforce", Api.map("name", name, "jobTitle", job,
                "hireDate", "2024-05-01", "userIds", List.of(userId)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("id");
    }
}

@OnDatabase(Database.SQLITE)
class SqliteWorkforceConsoleBrowserIntegrationTests extends WorkforceConsoleBrowserIntegrationTests {
}

@OnDatabase(Database.POSTGRES)
class PostgresWorkforceConsoleBrowserIntegrationTests extends WorkforceConsoleBrowserIntegrationTests {
}
