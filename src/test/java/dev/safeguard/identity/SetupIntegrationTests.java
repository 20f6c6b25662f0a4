package dev.safeguard.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguard.testing.Api;
import dev.safeguard.testing.Database;
import dev.safeguard.testing.OnDatabase;
import dev.safeguard.testing.ServerTest;
import org.junit.jupiter.api.Test;

/** First-run setup: the printed token works once, and setup closes once a user exists. */
public abstract class SetupIntegrationTests extends ServerTest {

    @Test
    void setupTokenCreatesTheSecurityOfficialOnce_andReuseIsRefused() {
        String token = operator.setupToken();
        Api api = client();
        Api.Response bad = api.post("/api/setup", Api.map("token", "not-the-token", "username", "first",
                "password", OFFICER_PASSWORD));
        assertThat(bad.status()).isEqualTo(403);
        assertThat(count("users")).isZero();

        Api.Response created = api.post("/api/setup", Api.map("token", token, "username", "first",
                "displayName", "First Officer", "password", OFFICER_PASSWORD));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("roles").get(0).asString()).isEqualTo("security-officer");
        assertThat(created.json().get("securityOfficial").asBoolean()).isTrue();
        assertThat(jdbc.sql("SELECT user_id FROM security_officials WHERE ended_at IS NULL").query(String.class)
                .single()).isEqualTo(created.text("id"));

        Api.Response reused = client().post("/api/setup", Api.map("token", token, "username", "second",
                "password", OFFICER_PASSWORD));
        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reused.text("type")).isEqualTo("urn:safeguard:problem:setup-unavailable");
        assertThat(count("users")).isEqualTo(1);
    }

    @Test
    void tokenIsNotStoredInClearAndExpiresAfter24Hours() {
        String token = operator.setupToken();
        assertThat(jdbc.sql("SELECT token_hash FROM setup_tokens").query(String.class).list())
                .isNotEmpty().doesNotContain(token);
        // The token from a later announcement replaces earlier ones; expiry is checked against the clock.
        clock.advance(java.time.Duration.ofHours(24).plusSeconds(1));
        Api.Response expired = client().post("/api/setup", Api.map("token", token, "username", "late",
                "password", OFFICER_PASSWORD));
        clock.advance(java.time.Duration.ofHours(-24).minusSeconds(1));
        // Whichever test ran first may have created the user already; then setup is closed (409), else the
        // expired token is refused (403). Either way nothing is created by this attempt.
        assertThat(expired.status()).isIn(403, 409);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM users WHERE username = 'late'").query(Long.class).single())
                .isZero();
    }
}

@OnDatabase(Database.SQLITE)
class SqliteSetupIntegrationTests extends SetupIntegrationTests {
}

@OnDatabase(Database.POSTGRES)
class PostgresSetupIntegrationTests extends SetupIntegrationTests {
}
