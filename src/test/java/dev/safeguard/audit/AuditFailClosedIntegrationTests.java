package dev.safeguard.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguard.platform.StorageSettings;
import dev.safeguard.testing.Api;
import dev.safeguard.testing.Database;
import dev.safeguard.testing.EmbeddedPostgresServer;
import dev.safeguard.testing.OnDatabase;
import dev.safeguard.testing.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Fail closed (AU-5): when the audit store refuses writes, every audited request answers 503 and releases nothing,
 * sign-in creates no session; when the store accepts writes again, the service recovers by itself.
 */
public abstract class AuditFailClosedIntegrationTests extends ServerTest {

    @Autowired
    StorageSettings settings;
    @Value("${safeguard.db-username:}")
    String dbUser;

    /** Makes the audit table refuse inserts at the database, the way a revoked grant or a read-only disk would. */
    private void breakAuditStore() {
        if (settings.postgres()) {
            EmbeddedPostgresServer.asSuperuser(settings.dbUrl(), "REVOKE INSERT ON audit_events FROM " + dbUser);
            assertThat(jdbc.sql("SELECT current_user || ' ' || has_table_privilege('audit_events', 'INSERT')")
                    .query(String.class).single()).isEqualTo(dbUser + " false");
        } else {
            // Root ignores file modes, so a read-only file cannot be simulated here; a trigger refuses every insert.
            jdbc.sql("CREATE TRIGGER audit_fault BEFORE INSERT ON audit_events "
                    + "BEGIN SELECT RAISE(ABORT, 'audit store unavailable'); END").update();
        }
    }

    private void repairAuditStore() {
        if (settings.postgres()) {
            EmbeddedPostgresServer.asSuperuser(settings.dbUrl(), "GRANT INSERT ON audit_events TO " + dbUser);
        } else {
            jdbc.sql("DROP TRIGGER audit_fault").update();
        }
    }

    @Test
    void everyAuditedRequestAnswers503WhileTheStoreFails_andRecoversAfterwards() {
        SignedIn user = newUser("clinician");
        Api app = user.api();
        assertThat(app.get("/api/ping").status()).isEqualTo(200);
        long sessions = count("sessions");
        breakAuditStore();
        try {
            Api.Response ping = app.get("/api/ping");
            assertThat(ping.status()).isEqualTo(503);
            assertThat(ping.header("Retry-After")).isNotBlank();
            assertThat(ping.header("Content-Type")).startsWith("application/problem+json");
            assertThat(ping.body()).doesNotContain("caller").doesNotContain("Exception");

            Api.Response users = app.get("/api/session");
            assertThat(users.status()).isEqualTo(503);
            assertThat(users.body()).doesNotContain(user.username());

            Api.Response login = client().post("/api/auth/login", Api.map("username", user.username(),
                    "password", user.password()));
            assertThat(login.status()).isEqualTo(503);
            assertThat(login.header("Set-Cookie")).isNull();
            assertThat(count("sessions")).isEqualTo(sessions);
        } finally {
            repairAuditStore();
        }
        assertThat(app.get("/api/ping").status()).isEqualTo(200);
        assertThat(client().post("/api/auth/login", Api.map("username", user.username(),
                "password", user.password())).status()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE status = 503").query(Long.class).single())
                .as("refused requests are not recorded as answered").isZero();
    }
}

@OnDatabase(Database.SQLITE)
class SqliteAuditFailClosedIntegrationTests extends AuditFailClosedIntegrationTests {
}

@OnDatabase(Database.POSTGRES)
class PostgresAuditFailClosedIntegrationTests extends AuditFailClosedIntegrationTests {
}
