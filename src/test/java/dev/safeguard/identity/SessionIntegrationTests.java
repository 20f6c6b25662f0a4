package dev.safeguard.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguard.testing.Api;
import dev.safeguard.testing.Database;
import dev.safeguard.testing.OnDatabase;
import dev.safeguard.testing.ServerTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Automatic logoff (164.312(a)(2)(iii)) and session hygiene: inactivity and absolute limits on the server's clock,
 * new session ids at every sign-in step, logout and CSRF.
 */
public abstract class SessionIntegrationTests extends ServerTest {

    @Test
    void sessionIsValidAfter14m59sOfInactivity() {
        Api api = signIn(newUser("clinician"));
        clock.advance(Duration.ofMinutes(14).plusSeconds(59));
        assertThat(api.get("/api/session").status()).isEqualTo(200);
    }

    @Test
    void sessionIsRefusedAfter15m01sOfInactivity_isRefused() {
        Api api = signIn(newUser("clinician"));
        String cookie = api.sessionCookie();
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        Api.Response expired = api.get("/api/session");
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.text("type")).isEqualTo("urn:safeguard:problem:session-expired");
        // Gone on the server: the same cookie stays refused even if the clock went back.
        clock.advance(Duration.ofMinutes(-15).minusSeconds(1));
        api.setSessionCookie(cookie);
        assertThat(api.get("/api/session").status()).isEqualTo(401);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM credential_revocations WHERE cause = 'TIMEOUT'")
                .query(Long.class).single()).isPositive();
    }

    @Test
    void absoluteLimitDoesNotSlideWithActivity_isRefused() {
        Api api = signIn(newUser("staff"));
        for (int i = 0; i < 12 * 6 - 1; i++) {
            clock.advance(Duration.ofMinutes(10));
            assertThat(api.get("/api/session").status()).as("after %d minutes", (i + 1) * 10).isEqualTo(200);
        }
        clock.advance(Duration.ofMinutes(10));
        assertThat(api.get("/api/session").status()).isEqualTo(401);
    }

    @Test
    void everySignInStepIssuesANewSessionId() {
        SignedIn user = newUser("clinician");
        Api api = client();
        api.setSessionCookie("attacker-chosen-value");
        api.post("/api/auth/login", Api.map("username", user.username(), "password", user.password()));
        String afterPassword = api.sessionCookie();
        assertThat(afterPassword).isNotEqualTo("attacker-chosen-value");
        api.post("/api/auth/mfa", Api.map("code", nextCode(user.totpSecret())));
        String afterMfa = api.sessionCookie();
        assertThat(afterMfa).isNotEqualTo(afterPassword);
        assertThat(api.get("/api/session").status()).isEqualTo(200);

        Api replay = client();
        replay.setSessionCookie(afterPassword);
        assertThat(replay.get("/api/session").status()).isEqualTo(401);
        // Only digests are stored.
        assertThat(jdbc.sql("SELECT id_hash FROM sessions").query(String.class).list()).doesNotContain(afterMfa);
    }

    @Test
    void halfSignedInSessionReachesNothingButTheSecondFactor_isRefused() {
        SignedIn user = newUser("security-officer");
        Api api = client();
        api.post("/api/auth/login", Api.map("username", user.username(), "password", user.password()));
        Api.Response users = api.get("/api/users");
        assertThat(users.status()).isEqualTo(401);
        assertThat(users.text("type")).isEqualTo("urn:safeguard:problem:mfa-required");
        assertThat(api.get("/api/session").status()).isEqualTo(200);
        assertThat(api.get("/api/session").text("stage")).isEqualTo("mfa-required");
    }

    @Test
    void logoutEndsTheSessionOnTheServer() {
        Api api = signIn(newUser("auditor"));
        String cookie = api.sessionCookie();
        assertThat(api.post("/api/auth/logout").status()).isEqualTo(204);
        Api replay = client();
        replay.setSessionCookie(cookie);
        assertThat(replay.get("/api/session").status()).isEqualTo(401);
    }

    @Test
    void cookieAuthenticatedWriteWithoutCsrfToken_isRefused() {
        Api api = signIn(officer());
        String token = api.csrf();
        api.csrf(null);
        long users = count("users");
        Api.Response refused = api.post("/api/users", Api.map("username", "nocsrf", "displayName", "No Csrf",
                "password", "a fine passphrase", "roles", java.util.List.of("staff")));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("type")).isEqualTo("urn:safeguard:problem:csrf-rejected");
        api.csrf("wrong" + token);
        assertThat(api.post("/api/users", Api.map("username", "nocsrf", "displayName", "No Csrf",
                "password", "a fine passphrase", "roles", java.util.List.of("staff"))).status()).isEqualTo(403);
        assertThat(count("users")).isEqualTo(users);
        api.csrf(token);
        assertThat(api.post("/api/users", Api.map("username", "withcsrf", "displayName", "With Csrf",
                "password", "a fine passphrase", "roles", java.util.List.of("staff"))).status()).isEqualTo(201);
    }

    @Test
    void sessionCookieIsSecureHttpOnlyAndSameSiteStrict() {
        SignedIn user = newUser("staff");
        Api.Response login = client().post("/api/auth/login", Api.map("username", user.username(),
                "password", user.password()));
        String setCookie = login.header("Set-Cookie");
        assertThat(setCookie).startsWith("__Host-sg_session=").contains("Secure").contains("HttpOnly")
                .contains("SameSite=Strict").contains("Path=/");
    }
}

@OnDatabase(Database.SQLITE)
class SqliteSessionIntegrationTests extends SessionIntegrationTests {
}

@OnDatabase(Database.POSTGRES)
class PostgresSessionIntegrationTests extends SessionIntegrationTests {
}
