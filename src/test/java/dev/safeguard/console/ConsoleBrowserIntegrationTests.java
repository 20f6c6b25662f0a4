package dev.safeguard.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguard.identity.SessionCookies;
import dev.safeguard.identity.internal.TotpCodes;
import dev.safeguard.testing.Api;
import dev.safeguard.testing.Database;
import dev.safeguard.testing.OnDatabase;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The web console in a real browser (see {@link BrowserTest}): sign-in, enrollment, the administration pages, CSRF,
 * and the automatic-logoff warning.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@OnDatabase(Database.SQLITE)
class ConsoleBrowserIntegrationTests extends BrowserTest {

    @Test
    void userSignsInWithPasswordAndTotp_andAfterSigningOutTheConsoleIsClosed() {
        SignedIn user = newUser("clinician");
        WebDriver browser = browser();

        open(browser, "/login");
        type(browser, "username", user.username());
        type(browser, "password", user.password());
        browser.findElement(By.id("sign-in")).click();
        waitForPath(browser, "/login/mfa");
        type(browser, "code", nextCode(user.totpSecret()));
        browser.findElement(By.id("verify-code")).click();
        waitForPath(browser, "/");
        assertThat(browser.findElement(By.id("home-username")).getText()).isEqualTo(user.username());
        assertThat(browser.findElement(By.cssSelector(".sign-out .who")).getText()).contains(user.username());
        assertThat(browser.findElements(By.linkText("Users"))).as("no admin link for a clinician").isEmpty();
        String cookie = browser.manage().getCookieNamed(SessionCookies.NAME).getValue();

        browser.findElement(By.id("sign-out")).click();
        waitForPath(browser, "/login");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("You have signed out");
        assertThat(browser.manage().getCookieNamed(SessionCookies.NAME)).isNull();
        open(browser, "/");
        waitForPath(browser, "/login");

        Api replay = client();
        replay.setSessionCookie(cookie);
        assertThat(replay.get("/api/session").status()).as("the signed-out session is gone on the server")
                .isEqualTo(401);
    }

    @Test
    void firstSignInEnrollsAnAuthenticator_andShowsTenRecoveryCodesOnce() {
        Api.Response created = officerClient().post("/api/users", Api.map("username", "newcomer",
                "displayName", "New Comer", "password", "newcomer passphrase 2026", "roles", List.of("staff")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        WebDriver browser = browser();

        signInWithPassword(browser, "newcomer", "newcomer passphrase 2026");
        waitForPath(browser, "/mfa/enroll");
        WebElement qr = browser.findElement(By.id("totp-qr"));
        assertThat(qr.getAttribute("src")).startsWith("data:image/png;base64,");
        assertThat(qr.getAttribute("alt")).contains("QR code");
        assertThat((Long) ((JavascriptExecutor) browser).executeScript("return arguments[0].naturalWidth", qr))
                .as("the QR image decodes under the CSP").isPositive();
        String firstSecret = secretOnPage(browser);

        type(browser, "code", wrongCode(firstSecret));
        browser.findElement(By.id("confirm-code")).click();
        wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("form-error")));
        String secret = secretOnPage(browser);
        assertThat(secret).as("a wrong code starts over with a new key").isNotEqualTo(firstSecret);

        type(browser, "code", nextCode(secret));
        browser.findElement(By.id("confirm-code")).click();
        List<WebElement> codes = wait(browser).until(ExpectedConditions.numberOfElementsToBe(
                By.cssSelector("#recovery-codes li"), 10));
        assertThat(codes).extracting(WebElement::getText).doesNotHaveDuplicates()
                .allSatisfy(code -> assertThat(code).matches("[a-z0-9-]{16,}"));

        browser.findElement(By.id("continue")).click();
        waitForPath(browser, "/");
        assertThat(browser.findElement(By.id("home-username")).getText()).isEqualTo("newcomer");
        open(browser, "/mfa/enroll");
        waitForPath(browser, "/");
    }

    @Test
    void clinicianIsRefusedTheAdminPages_whileTheOfficerSeesTheUserList() {
        SignedIn clinician = newUser("clinician");
        WebDriver clinicianBrowser = browser();
        signIn(clinicianBrowser, clinician);
        open(clinicianBrowser, "/admin/users");
        assertThat(clinicianBrowser.findElement(By.tagName("h1")).getText()).isEqualTo("Not allowed");
        assertThat(clinicianBrowser.findElements(By.id("users"))).isEmpty();
        Api sameSession = client();
        sameSession.setSessionCookie(clinicianBrowser.manage().getCookieNamed(SessionCookies.NAME).getValue());
        assertThat(sameSession.get("/admin/users").status()).isEqualTo(403);
        assertThat(sameSession.get("/admin/service-clients").status()).isEqualTo(403);

        WebDriver officerBrowser = browser();
        signIn(officerBrowser, officer());
        screenshot(officerBrowser, "home");
        officerBrowser.findElement(By.linkText("Users")).click();
        waitForPath(officerBrowser, "/admin/users");
        List<String> listed = officerBrowser.findElements(By.cssSelector("#users tbody tr")).stream()
                .map(row -> row.getAttribute("data-username")).toList();
        assertThat(listed).contains("officer", clinician.username());
        screenshot(officerBrowser, "admin-users");
    }

    @Test
    void officerCreatesAUser_andTerminatesItOnlyAfterConfirming_whileAFormWithoutCsrfTokenIsRefused() {
        WebDriver browser = browser();
        signIn(browser, officer());
        open(browser, "/admin/users");
        type(browser, "new-username", "leaver");
        type(browser, "new-display-name", "Lee Leaver");
        type(browser, "new-password", "leaver passphrase 2026");
        browser.findElement(By.id("new-role-staff")).click();
        browser.findElement(By.id("create-user")).click();
        wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"),
                "Created leaver"));

        browser.findElement(By.cssSelector("#users tr[data-username='leaver'] a")).click();
        wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Lee Leaver"));
        browser.findElement(By.linkText("Terminate account…")).click();
        wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-terminate")));
        assertThat(userStatus("leaver")).as("nothing happens before confirming").isEqualTo("ACTIVE");
        browser.findElement(By.id("confirm-terminate")).click();
        wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "terminated"));
        assertThat(userStatus("leaver")).isEqualTo("TERMINATED");

        Api forger = client();
        forger.setSessionCookie(browser.manage().getCookieNamed(SessionCookies.NAME).getValue());
        Api.Response forged = forger.send(forger.request("/admin/users")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=forged&displayName=Forged&roles=staff"
                        + "&password=forged+passphrase+2026")));
        assertThat(forged.status()).as("a console form without the session's CSRF token").isEqualTo(403);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM users WHERE username = 'forged'").query(Long.class).single())
                .isZero();
    }

    @Test
    void officerCreatesAServiceClient_seesItsKeyOnce_andRevokesIt() {
        WebDriver browser = browser();
        signIn(browser, officer());
        open(browser, "/admin/service-clients");
        type(browser, "client-name", "Metrics scraper");
        browser.findElement(By.cssSelector("input[name='scopes'][value='metrics.read']")).click();
        browser.findElement(By.id("create-client")).click();
        String apiKey = wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("api-key")))
                .getText();
        assertThat(browser.findElement(By.cssSelector("main [role=alert]")).getText()).contains("shown only this once");
        assertThat(metrics(apiKey)).as("the key shown works").isEqualTo(200);

        open(browser, "/admin/service-clients");
        assertThat(browser.getPageSource()).contains("Metrics scraper").doesNotContain(apiKey);
        browser.findElement(By.xpath("//tr[th='Metrics scraper']//button")).click();
        wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"),
                "Revoked the key of Metrics scraper"));
        assertThat(metrics(apiKey)).as("the revoked key is refused").isEqualTo(401);
    }

    /** Runs last: it moves the server's clock past the inactivity limit, which ends every session. */
    @Test
    @Order(Integer.MAX_VALUE)
    void inactivityWarningOffersToStaySignedIn_andEndsTheSessionWhenTimeIsUp() {
        SignedIn user = newUser("staff");
        WebDriver browser = browser();
        signIn(browser, user);
        String formToken = browser.findElement(By.cssSelector(".sign-out input[name=_csrf]")).getAttribute("value");
        String htmxHeaders = browser.findElement(By.tagName("body")).getAttribute("hx-headers");
        assertThat(Api.JSON.readTree(htmxHeaders).get("X-CSRF-Token").asString()).isEqualTo(formToken).isNotBlank();
        WebElement warning = browser.findElement(By.id("session-warning"));
        assertThat(warning.isDisplayed()).isFalse();
        long idleSeconds = Long.parseLong(warning.getAttribute("data-idle-seconds"));
        assertThat(idleSeconds).isBetween(14 * 60L, 15 * 60L);

        shiftBrowserClock(browser, Duration.ofSeconds(idleSeconds - 50));
        wait(browser).until(ExpectedConditions.visibilityOf(warning));
        WebElement alert = browser.findElement(By.id("session-warning-text"));
        assertThat(alert.getAttribute("role")).isEqualTo("alert");
        assertThat(alert.getText()).contains("signed out").contains("inactivity");
        WebElement stay = browser.findElement(By.id("session-stay"));
        assertThat(browser.switchTo().activeElement()).isEqualTo(stay);
        screenshot(browser, "session-warning");

        stay.click();
        wait(browser).until(ExpectedConditions.invisibilityOf(warning));

        clock.advance(Duration.ofSeconds(idleSeconds + 1));
        shiftBrowserClock(browser, Duration.ofSeconds(idleSeconds + 1));
        wait(browser).until(d -> "/login".equals(URI.create(d.getCurrentUrl()).getPath())
                && d.getCurrentUrl().endsWith("?expired"));
        assertThat(browser.findElement(By.id("session-ended")).getText()).contains("Your session ended");
        open(browser, "/");
        waitForPath(browser, "/login");
    }

    // ---- acting as a person at the browser

    /** The officer's API client, signed in again when its session has ended. */
    private Api officerClient() {
        Api api = officer().api();
        return api.get("/api/session").status() == 200 ? api : signIn(officer());
    }

    private static String secretOnPage(WebDriver browser) {
        return browser.findElement(By.id("totp-secret")).getText().replace(" ", "");
    }

    /** A six-digit code that matches no step the server accepts now. */
    private String wrongCode(String secret) {
        long step = TotpCodes.step(clock.instant());
        Set<String> valid = Set.of(totp.codeAt(secret, step - 1), totp.codeAt(secret, step),
                totp.codeAt(secret, step + 1), totp.codeAt(secret, step + 2));
        for (int candidate = 0; ; candidate++) {
            String code = String.format("%06d", candidate);
            if (!valid.contains(code)) {
                return code;
            }
        }
    }

    /** Moves the page's {@code Date.now()} forward, as {@link dev.safeguard.testing.MutableClock} moves the server's. */
    private static void shiftBrowserClock(WebDriver browser, Duration by) {
        ((JavascriptExecutor) browser).executeScript("""
                if (!window.realDateNow) { window.realDateNow = Date.now.bind(Date); window.clockOffset = 0; }
                window.clockOffset += arguments[0];
                Date.now = function () { return window.realDateNow() + window.clockOffset; };
                """, by.toMillis());
    }

    private int metrics(String apiKey) {
        Api api = client().bearer(apiKey);
        return api.send(api.request("/actuator/prometheus").setHeader("Accept", "text/plain").GET()).status();
    }

    private String userStatus(String username) {
        return jdbc.sql("SELECT status FROM users WHERE username = :username").param("username", username)
                .query(String.class).single();
    }
}
