package dev.safeguard.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguard.testing.Api;
import dev.safeguard.testing.Database;
import dev.safeguard.testing.OnDatabase;
import dev.safeguard.testing.ServerTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Termination procedures (164.308(a)(3)(ii)(C)): a terminated or disabled user's open session and API keys stop
 * working on the next request, and each revocation is recorded with its time.
 */
public abstract class TerminationIntegrationTests extends ServerTest {

    private String apiKeyOwnedBy(String ownerId) {
        Api.Response created = asOfficer().post("/api/service-clients", Api.map("name", "lab app",
                "ownerId", ownerId, "scopes", List.of("system/*.read"), "expiresInDays", 30));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("apiKey");
    }

    @Test
    void terminatedUsersOpenSessionAndApiKeyStopWorkingOnTheNextRequest() {
        SignedIn user = newUser("clinician", "security-officer");
        Api session = user.api();
        Api key = client().bearer(apiKeyOwnedBy(user.id()));
        assertThat(session.get("/api/session").status()).isEqualTo(200);
        assertThat(key.get("/api/ping").text("caller")).isEqualTo("service-client");

        Api.Response terminated = asOfficer().post("/api/users/" + user.id() + "/terminate");
        assertThat(terminated.status()).as(terminated.toString()).isEqualTo(200);
        assertThat(terminated.text("status")).isEqualTo("terminated");

        assertThat(session.get("/api/session").status()).isEqualTo(401);
        assertThat(session.get("/api/users").status()).isEqualTo(401);
        assertThat(key.get("/api/ping").status()).isEqualTo(401);
        assertThat(client().post("/api/auth/login", Api.map("username", user.username(),
                "password", user.password())).status()).isEqualTo(401);

        long terminatedAt = jdbc.sql("SELECT terminated_at FROM users WHERE id = ?").param(user.id())
                .query(Long.class).single();
        List<String> kinds = jdbc.sql("SELECT credential_kind FROM credential_revocations WHERE user_id = ? "
                + "AND cause = 'TERMINATED' AND revoked_at >= ?").params(user.id(), terminatedAt)
                .query(String.class).list();
        assertThat(kinds).contains("SESSION", "API_KEY");
    }

    @Test
    void disabledUserCannotUseAnOpenSession_andCanBeReactivated() {
        SignedIn user = newUser("staff");
        assertThat(user.api().get("/api/session").status()).isEqualTo(200);
        assertThat(asOfficer().post("/api/users/" + user.id() + "/disable").status()).isEqualTo(200);
        assertThat(user.api().get("/api/session").status()).isEqualTo(401);
        assertThat(client().post("/api/auth/login", Api.map("username", user.username(),
                "password", user.password())).status()).isEqualTo(401);

        assertThat(asOfficer().post("/api/users/" + user.id() + "/reactivate").status()).isEqualTo(200);
        assertThat(signIn(user).get("/api/session").status()).isEqualTo(200);
    }

    @Test
    void terminatedAccountCannotBeReactivated_isRefused() {
        SignedIn user = newUser("staff");
        asOfficer().post("/api/users/" + user.id() + "/terminate");
        Api.Response refused = asOfficer().post("/api/users/" + user.id() + "/reactivate");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(jdbc.sql("SELECT status FROM users WHERE id = ?").param(user.id()).query(String.class).single())
                .isEqualTo("TERMINATED");
    }

    @Test
    void lastActiveSecurityOfficerCannotBeRemoved_isRefused() {
        Api officer = asOfficer();
        Api.Response self = officer.post("/api/users/" + officer().id() + "/terminate");
        assertThat(self.status()).isEqualTo(409);
        Api.Response demote = officer.put("/api/users/" + officer().id() + "/roles",
                Api.map("roles", List.of("staff")));
        assertThat(demote.status()).isEqualTo(409);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM user_roles WHERE user_id = ? AND role = 'security-officer'")
                .param(officer().id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void onlySecurityOfficersAdministerAccounts_isRefused() {
        SignedIn clinician = newUser("clinician");
        long users = count("users");
        Api.Response denied = clinician.api().post("/api/users", Api.map("username", "sneaky",
                "displayName", "Sneaky", "password", "a fine passphrase", "roles", List.of("security-officer")));
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.text("type")).isEqualTo("urn:safeguard:problem:forbidden");
        assertThat(clinician.api().get("/api/users").status()).isEqualTo(403);
        assertThat(clinician.api().get("/actuator/prometheus").status()).isEqualTo(403);
        assertThat(count("users")).isEqualTo(users);
    }
}

@OnDatabase(Database.SQLITE)
class SqliteTerminationIntegrationTests extends TerminationIntegrationTests {
}

@OnDatabase(Database.POSTGRES)
class PostgresTerminationIntegrationTests extends TerminationIntegrationTests {
}
