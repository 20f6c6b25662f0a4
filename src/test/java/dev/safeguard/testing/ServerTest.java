package dev.safeguard.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguard.identity.internal.TotpCodes;
import dev.safeguard.platform.StorageSettings;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Base of tests that run the whole server on a random port over real TLS, on the database named by the concrete
 * class's {@link OnDatabase}. Gives HTTPS clients, the operator's console output, the test clock, and helpers that
 * act as a person with an authenticator app. One instance serves all tests of a class (they share the server).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@Tag("server")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ServerTest {

    public static final String OFFICER_PASSWORD = "officer passphrase 2026";
    private static final AtomicInteger USERS = new AtomicInteger();

    @LocalServerPort
    protected int port;
    @Autowired
    protected MutableClock clock;
    @Autowired
    protected RecordingOperatorConsole operator;
    @Autowired
    protected StorageSettings storage;
    @Autowired
    protected TotpCodes totp;
    @Autowired
    protected JdbcClient jdbc;

    private SignedIn officer;
    private Api officerApi;
    private final java.util.Map<String, String> rosterMembers = new java.util.concurrent.ConcurrentHashMap<>();

    protected URI base() {
        return URI.create("https://localhost:" + port + "/");
    }

    protected Path certificate() {
        return storage.dataDir().resolve("tls/server.crt");
    }

    /** A new client with an empty cookie jar. */
    protected Api client() {
        return new Api(base(), certificate());
    }

    /** A signed-in user with their TOTP secret, as a person holding an authenticator app. */
    public record SignedIn(Api api, String id, String username, String password, String totpSecret) {
    }

    /** The first user, created through setup with the printed token; created once per test class. */
    protected synchronized SignedIn officer() {
        if (officer == null) {
            Api api = client();
            Api.Response created = api.post("/api/setup", Api.map("token", operator.setupToken(),
                    "username", "officer", "displayName", "Security Officer", "password", OFFICER_PASSWORD));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            officer = enroll(api, created.text("id"), "officer", OFFICER_PASSWORD);
        }
        return officer;
    }

    /** A client signed in as the officer: the cached one while its session lives, else a new sign-in. */
    protected synchronized Api asOfficer() {
        SignedIn first = officer();
        if (officerApi == null) {
            officerApi = first.api();
        }
        if (officerApi.get("/api/session").status() != 200) {
            officerApi = signIn(first);
        }
        return officerApi;
    }

    /** Lets the server forget failed sign-ins from this test's address (it remembers them for an hour). */
    protected void forgetAddressFailures() {
        clock.advance(java.time.Duration.ofMinutes(61));
    }

    /** Creates a user with the given roles (as the officer) and signs them in with a freshly enrolled TOTP. */
    protected SignedIn newUser(String... roles) {
        String username = "user" + USERS.incrementAndGet();
        String password = "long enough passphrase " + username;
        Api.Response created = asOfficer().post("/api/users", Api.map("username", username,
                "displayName", "Test " + username, "password", password, "roles", List.of(roles)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return enroll(client(), created.text("id"), username, password);
    }

    /** Password sign-in, TOTP enrollment and confirmation: the first sign-in of a new user. */
    protected SignedIn enroll(Api api, String id, String username, String password) {
        Api.Response login = api.post("/api/auth/login", Api.map("username", username, "password", password));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        assertThat(login.text("stage")).isEqualTo("enrollment-required");
        Api.Response started = api.post("/api/mfa/enrollment");
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        String secret = started.text("secret");
        Api.Response confirmed = api.post("/api/mfa/enrollment/confirm", Api.map("code", currentCode(secret)));
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        return new SignedIn(api, id, username, password, secret);
    }

    /** Signs in again with password and the next unused TOTP code, in a new client. */
    protected Api signIn(SignedIn user) {
        Api api = client();
        Api.Response login = api.post("/api/auth/login", Api.map("username", user.username(),
                "password", user.password()));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        Api.Response mfa = api.post("/api/auth/mfa", Api.map("code", nextCode(user.totpSecret())));
        assertThat(mfa.status()).as(mfa.toString()).isEqualTo(200);
        return api;
    }

    /** The code an authenticator app shows now. */
    protected String currentCode(String secret) {
        return totp.codeAt(secret, TotpCodes.step(clock.instant()));
    }

    /** Moves the clock to the next 30-second step (so a fresh code exists) and returns its code. */
    protected String nextCode(String secret) {
        clock.advance(java.time.Duration.ofSeconds(TotpCodes.PERIOD_SECONDS));
        return currentCode(secret);
    }

    /**
     * Records in the workforce roster (as the officer, through the program API) that {@code manager} manages
     * {@code subject}: each becomes a member holding their account, the subject with the manager's member as manager.
     */
    protected void manages(SignedIn manager, SignedIn subject) {
        String managerMember = rosterMembers.computeIfAbsent(manager.id(), id -> rosterMember(manager, null));
        if (rosterMembers.putIfAbsent(subject.id(), rosterMember(subject, managerMember)) != null) {
            throw new IllegalStateException(subject.username() + " is on the roster already");
        }
    }

    private String rosterMember(SignedIn user, String managerMemberId) {
        Map<String, Object> draft = new java.util.HashMap<>(Api.map("name", "Member " + user.username(),
                "jobTitle", "Test role", "hireDate", java.time.LocalDate.ofInstant(clock.instant(),
                        java.time.ZoneOffset.UTC).toString(), "userIds", List.of(user.id())));
        if (managerMemberId != null) {
            draft.put("managerId", managerMemberId);
        }
        Api.Response created = asOfficer().post("/api/program/workforce", draft);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("id");
    }

    protected long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }
}
