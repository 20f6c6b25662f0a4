package dev.safeguard.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguard.testing.Database;
import dev.safeguard.testing.OnDatabase;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The incident pages in a real browser: a clinician reports a suspected incident from the navigation; the security
 * officer finds it in the incident list with its deadline clock, opens it and sees every notification deadline
 * running from the day of discovery, and after recording that twelve people in one state are affected sees the HHS
 * deadline move to the annual log.
 */
public abstract class IncidentConsoleBrowserIntegrationTests extends BrowserTest {

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
}

@OnDatabase(Database.SQLITE)
class SqliteIncidentConsoleBrowserIntegrationTests extends IncidentConsoleBrowserIntegrationTests {
}

@OnDatabase(Database.POSTGRES)
class PostgresIncidentConsoleBrowserIntegrationTests extends IncidentConsoleBrowserIntegrationTests {
}
