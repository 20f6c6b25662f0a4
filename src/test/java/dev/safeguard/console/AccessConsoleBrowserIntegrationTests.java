package dev.safeguard.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguard.testing.Api;
import dev.safeguard.testing.Database;
import dev.safeguard.testing.OnDatabase;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The access pages in a real browser: a security officer assigns a clinician to a patient on the care-team page (and
 * the clinician can read that patient at once), the clinician requests break-glass access to another patient with
 * password and authenticator code, and another officer finds it in the review queue and approves it.
 */
@OnDatabase(Database.SQLITE)
class AccessConsoleBrowserIntegrationTests extends BrowserTest {

    @Test
    void officerAssignsACareTeam_clinicianBreaksTheGlass_officerReviewsIt() {
        String loader = asOfficer().post("/api/service-clients", Api.map("name", "loader " + UUID.randomUUID(),
                "scopes", List.of("system/*.write"), "expiresInDays", 5)).text("apiKey");
        String assigned = patient(loader, "Assigned");
        String emergency = patient(loader, "Emergency");
        SignedIn clinician = newUser("clinician");
        assertThat(clinician.api().get("/fhir/Patient/" + assigned).status()).isEqualTo(403);

        WebDriver officer = browser();
        signIn(officer, officer());
        officer.findElement(By.linkText("Care teams")).click();
        waitForPath(officer, "/admin/care-team");
        new Select(officer.findElement(By.id("assign-user"))).selectByValue(clinician.id());
        type(officer, "assign-patient", "no-such-patient");
        officer.findElement(By.id("assign")).click();
        assertThat(wait(officer).until(ExpectedConditions.visibilityOfElementLocated(By.id("form-error"))).getText())
                .contains("No patient");
        new Select(officer.findElement(By.id("assign-user"))).selectByValue(clinician.id());
        type(officer, "assign-patient", assigned);
        officer.findElement(By.id("assign")).click();
        WebElement row = wait(officer).until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//table[@id='assignments']//tr[td/code[text()='" + assigned + "']]")));
        assertThat(row.getText()).contains(clinician.username()).contains("active");
        screenshot(officer, "care-team");
        assertThat(clinician.api().get("/fhir/Patient/" + assigned).status()).isEqualTo(200);

        WebDriver browser = browser();
        signIn(browser, clinician);
        browser.findElement(By.linkText("Emergency access")).click();
        waitForPath(browser, "/break-glass");
        type(browser, "bg-patient", emergency);
        type(browser, "bg-reason", "Cardiac arrest on the ward, history needed now");
        type(browser, "bg-minutes", "30");
        type(browser, "bg-password", clinician.password());
        type(browser, "bg-code", nextCode(clinician.totpSecret()));
        browser.findElement(By.id("request-break-glass")).click();
        assertThat(wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notice")))
                .getText()).contains("Emergency access granted");
        assertThat(browser.findElement(By.id("my-grants")).getText()).contains(emergency).contains("active");
        screenshot(browser, "break-glass");
        assertThat(clinician.api().get("/fhir/Patient/" + emergency).status()).isEqualTo(200);

        SignedIn reviewer = newUser("security-officer");
        WebDriver review = browser();
        signIn(review, reviewer);
        review.findElement(By.linkText("Break-glass review")).click();
        waitForPath(review, "/admin/break-glass");
        WebElement grant = review.findElement(By.xpath("//article[.//dd[.='" + clinician.username() + "']]"));
        assertThat(grant.getText()).contains("Cardiac arrest on the ward").contains("pending");
        grant.findElement(By.cssSelector("input[value='approve']")).click();
        grant.findElement(By.tagName("textarea")).sendKeys("Confirmed with the ward's charge nurse");
        grant.findElement(By.cssSelector("button[type='submit']")).click();
        assertThat(wait(review).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notice")))
                .getText()).contains("Review recorded");
        assertThat(review.findElements(By.xpath("//article[.//dd[.='" + clinician.username() + "']]"))).isEmpty();
        screenshot(review, "break-glass-review");
        assertThat(jdbc.sql("SELECT review_outcome FROM break_glass_grants WHERE user_id = ?").param(clinician.id())
                .query(String.class).single()).isEqualTo("approved");
    }

    private String patient(String key, String family) {
        Api api = client().bearer(key);
        Map<String, Object> patient = Api.map("resourceType", "Patient", "name", List.of(Api.map("family", family)));
        Api.Response created = api.send(api.request("/fhir/Patient").header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(patient))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }
}
