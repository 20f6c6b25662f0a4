package dev.safeguard.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguard.testing.ServerTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Base of the console's tests in a real browser: headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}) over real TLS against the whole server, and a person's moves at the browser (sign in,
 * open, type, wait). Chromium trusts exactly the server's key, through {@code --ignore-certificate-errors-spki-list}
 * with that key's SHA-256 pin; certificate errors for anything else still fail. After each test every page must have
 * worked under the strict CSP.
 *
 * <p>Browser tests run on SQLite, the embedded default: the console reaches the database only through the services
 * whose API tests run on both databases, so a second browser run on PostgreSQL would repeat those queries at the cost
 * of a browser and a server per class ({@code DatabaseCoverageTests} holds both rules).
 *
 * <p>Set the system property {@code safeguard.screenshots} to a directory to keep screenshots of the main pages.
 */
@Tag("browser")
abstract class BrowserTest extends ServerTest {

    /** Kept strongly reachable, so the level set on it is not lost to garbage collection. */
    private static final Logger SELENIUM_LOG = Logger.getLogger("org.openqa.selenium");
    static final Duration WAIT = Duration.ofSeconds(20);

    private final List<WebDriver> browsers = new ArrayList<>();
    private Path profiles;

    @BeforeAll
    void prepareBrowsers() throws IOException {
        System.setProperty("SE_OFFLINE", "true");
        SELENIUM_LOG.setLevel(Level.SEVERE);
        profiles = Files.createTempDirectory("safeguard-chromium-");
    }

    /** Every page works under the strict CSP: a refused script, style or image would show in the browser's log. */
    @AfterEach
    void quitBrowsers_afterCheckingNoContentSecurityPolicyViolation() {
        try {
            for (WebDriver browser : browsers) {
                assertThat(browser.manage().logs().get(LogType.BROWSER).getAll())
                        .extracting(LogEntry::getMessage)
                        .noneMatch(message -> message.contains("Content Security Policy"));
            }
        } finally {
            browsers.forEach(WebDriver::quit);
            browsers.clear();
        }
    }

    @AfterAll
    void deleteProfiles() throws IOException {
        browsers.forEach(WebDriver::quit);
        browsers.clear();
        if (profiles != null) {
            try (Stream<Path> files = Files.walk(profiles)) {
                for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    // ---- acting as a person at the browser

    void signIn(WebDriver browser, SignedIn user) {
        signInWithPassword(browser, user.username(), user.password());
        waitForPath(browser, "/login/mfa");
        type(browser, "code", nextCode(user.totpSecret()));
        browser.findElement(By.id("verify-code")).click();
        waitForPath(browser, "/");
    }

    void signInWithPassword(WebDriver browser, String username, String password) {
        open(browser, "/login");
        type(browser, "username", username);
        type(browser, "password", password);
        browser.findElement(By.id("sign-in")).click();
    }

    void open(WebDriver browser, String path) {
        browser.get(base().resolve(path).toString());
    }

    static void type(WebDriver browser, String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    static WebDriverWait wait(WebDriver browser) {
        return new WebDriverWait(browser, WAIT);
    }

    static void waitForPath(WebDriver browser, String path) {
        wait(browser).withMessage(() -> "expected path " + path + " but was " + browser.getCurrentUrl())
                .until(d -> path.equals(URI.create(d.getCurrentUrl()).getPath()));
    }

    void screenshot(WebDriver browser, String name) {
        String directory = System.getProperty("safeguard.screenshots");
        if (directory == null || directory.isBlank()) {
            return;
        }
        try {
            Files.write(Path.of(directory, "console-" + name + ".png"),
                    ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- the browser

    /** A new browser with its own profile (no shared cookies); quit after the test. */
    WebDriver browser() {
        Path profile;
        try {
            profile = Files.createTempDirectory(profiles, "profile-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        options.setBinary(executable("chromium").toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1280,900",
                "--ignore-certificate-errors-spki-list=" + serverKeyPin());
        options.setExperimentalOption("prefs", Map.of("credentials_enable_service", false,
                "profile.password_manager_enabled", false, "profile.password_manager_leak_detection", false));
        // One driver process per browser: quitting a browser also stops its driver.
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(executable("chromedriver").toFile())
                .usingAnyFreePort()
                .withLogOutput(OutputStream.nullOutputStream())
                .build();
        ChromeDriver browser = new ChromeDriver(driver, options);
        browsers.add(browser);
        return browser;
    }

    /** The base64 SHA-256 of the server certificate's public key (SubjectPublicKeyInfo), as Chromium pins keys. */
    private String serverKeyPin() {
        try (InputStream in = Files.newInputStream(certificate())) {
            byte[] spki = CertificateFactory.getInstance("X.509").generateCertificate(in).getPublicKey().getEncoded();
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(spki));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the server certificate " + certificate(), e);
        }
    }

    /** The program on the PATH (as {@code command -v} finds it); install Debian chromium and chromium-driver. */
    private static Path executable(String name) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String directory : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(directory, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(name + " is not on the PATH (" + path + "); install the Debian packages "
                + "chromium and chromium-driver");
    }
}
