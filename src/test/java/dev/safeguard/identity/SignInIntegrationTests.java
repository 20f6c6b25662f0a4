package dev.safeguard.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguard.testing.Api;
import dev.safeguard.testing.Database;
import dev.safeguard.testing.OnDatabase;
import dev.safeguard.testing.ServerTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sign-in: lockout at the 100th failure, backoff, single-use TOTP and recovery codes, uniform answers. */
public abstract class SignInIntegrationTests extends ServerTest {

    private Api.Response login(Api api, SignedIn user, String password) {
        return api.post("/api/auth/login", Api.map("username", user.username(), "password", password));
    }

    /** Fails {@code n} times, waiting out each backoff on the clock as a patient attacker would. */
    private void fail(SignedIn user, int n) {
        for (int i = 0; i < n; i++) {
            clock.advance(Duration.ofMinutes(6));
            Api.Response r = login(client(), user, "wrong password " + i);
            assertThat(r.status()).as("failure %d: %s", i + 1, r).isEqualTo(401);
        }
    }

    @org.junit.jupiter.api.BeforeEach
    void startWithACleanAddress() {
        forgetAddressFailures();
    }

    @Test
    void hundredthConsecutiveFailureLocksThePassword() {
        SignedIn user = newUser("clinician");
        fail(user, 99);
        assertThat(lockedAt(user)).as("99 failures do not lock").isEmpty();
        fail(user, 1);
        assertThat(lockedAt(user)).as("the 100th does").isPresent();
        clock.advance(Duration.ofMinutes(6));
        Api.Response locked = login(client(), user, user.password());
        assertThat(locked.status()).isEqualTo(401);
        assertThat(locked.text("type")).isEqualTo("urn:safeguard:problem:invalid-credentials");

        forgetAddressFailures();
        Api.Response reset = asOfficer().post("/api/users/" + user.id() + "/reset-lockout");
        assertThat(reset.status()).as(reset.toString()).isEqualTo(200);
        assertThat(login(client(), user, user.password()).status()).isEqualTo(200);
    }

    @Test
    void completeSignInBeforeTheHundredthFailureResetsTheCount() {
        SignedIn user = newUser("clinician");
        fail(user, 99);
        clock.advance(Duration.ofMinutes(6));
        signIn(user);
        assertThat(jdbc.sql("SELECT failed_attempts FROM users WHERE id = ?").param(user.id())
                .query(Integer.class).single()).isZero();
        fail(user, 1);
        assertThat(lockedAt(user)).isEmpty();
        clock.advance(Duration.ofMinutes(6));
        assertThat(login(client(), user, user.password()).status()).isEqualTo(200);
    }

    private java.util.Optional<Long> lockedAt(SignedIn user) {
        return jdbc.sql("SELECT password_locked_at FROM users WHERE id = ?").param(user.id()).query(Long.class)
                .optional().filter(java.util.Objects::nonNull);
    }

    @Test
    void attemptsDuringBackoffAreAnswered429WithRetryAfter_andNotCounted() {
        SignedIn user = newUser("staff");
        for (int i = 0; i < 5; i++) {
            assertThat(login(client(), user, "wrong " + i).status()).isEqualTo(401);
        }
        Api.Response throttled = login(client(), user, user.password());
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isEqualTo("1");
        assertThat(jdbc.sql("SELECT failed_attempts FROM users WHERE id = ?").param(user.id())
                .query(Integer.class).single()).isEqualTo(5);
        clock.advance(Duration.ofSeconds(1));
        assertThat(login(client(), user, user.password()).status()).isEqualTo(200);
    }

    @Test
    void totpCodeIsRefusedOnReplay_isRefused() {
        SignedIn user = newUser("clinician");
        String code = nextCode(user.totpSecret());
        Api first = client();
        login(first, user, user.password());
        assertThat(first.post("/api/auth/mfa", Api.map("code", code)).status()).isEqualTo(200);

        Api second = client();
        assertThat(login(second, user, user.password()).status()).isEqualTo(200);
        Api.Response replay = second.post("/api/auth/mfa", Api.map("code", code));
        assertThat(replay.status()).isEqualTo(401);
        assertThat(second.get("/api/users").status()).isEqualTo(401);
    }

    @Test
    void recoveryCodeWorksOnce() {
        SignedIn user = newUser("clinician");
        // The officer resets MFA so that enrollment (and its recovery codes) can be observed afresh.
        assertThat(asOfficer().post("/api/users/" + user.id() + "/reset-mfa").status()).isEqualTo(200);
        Api fresh = client();
        login(fresh, user, user.password());
        String secret = fresh.post("/api/mfa/enrollment").text("secret");
        Api.Response confirmed = fresh.post("/api/mfa/enrollment/confirm", Api.map("code", currentCode(secret)));
        List<String> codes = confirmed.json().get("recoveryCodes").valueStream().map(n -> n.asString()).toList();
        assertThat(codes).hasSize(10).doesNotHaveDuplicates();
        assertThat(jdbc.sql("SELECT code_hash FROM recovery_codes WHERE user_id = ?").param(user.id())
                .query(String.class).list()).hasSize(10).doesNotContainAnyElementsOf(codes);

        Api a = client();
        login(a, user, user.password());
        assertThat(a.post("/api/auth/mfa", Api.map("recoveryCode", codes.get(0))).status()).isEqualTo(200);
        Api b = client();
        login(b, user, user.password());
        assertThat(b.post("/api/auth/mfa", Api.map("recoveryCode", codes.get(0))).status()).isEqualTo(401);
    }

    @Test
    void unknownUserAndWrongPasswordGetTheSameAnswer() {
        SignedIn user = newUser("staff");
        Api.Response wrong = login(client(), user, "not the password");
        Api.Response unknown = client().post("/api/auth/login", Api.map("username", "nobody-here",
                "password", "not the password"));
        assertThat(unknown.status()).isEqualTo(wrong.status()).isEqualTo(401);
        assertThat(unknown.text("detail")).isEqualTo(wrong.text("detail"));
    }
}

@OnDatabase(Database.SQLITE)
class SqliteSignInIntegrationTests extends SignInIntegrationTests {
}

@OnDatabase(Database.POSTGRES)
class PostgresSignInIntegrationTests extends SignInIntegrationTests {
}
