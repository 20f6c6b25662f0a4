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

    @Autowired
    AuditTrail trail;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    /**
     * A change whose COMMIT fails leaves nothing behind, neither the change nor its events, and the trail goes on
     * numbering from where it was. On SQLite a failed COMMIT (busy, a deferred constraint) keeps the transaction open,
     * and resetting auto-commit afterwards would commit it: events the appender was told had failed would then hold
     * the next sequence numbers, and every later change would collide with them. So a failed commit is rolled back.
     */
    @Test
    void aChangeWhoseCommitFailsLeavesNothing_andTheTrailGoesOn() {
        assertThat(((org.springframework.transaction.support.AbstractPlatformTransactionManager) transactions)
                .isRollbackOnCommitFailure()).as("spring.transaction.rollback-on-commit-failure").isTrue();
        jdbc.sql("CREATE TABLE test_parents (id TEXT PRIMARY KEY)").update();
        jdbc.sql("CREATE TABLE test_children (parent TEXT REFERENCES test_parents (id) DEFERRABLE INITIALLY DEFERRED)")
                .update();
        long events = count("audit_events");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> trail.atomically(() -> {
            trail.append(event("commit-fails"));
            return jdbc.sql("INSERT INTO test_children (parent) VALUES ('none')").update();
        })).isInstanceOf(AuditUnavailable.class);
        assertThat(count("test_children")).isZero();
        assertThat(count("audit_events")).isEqualTo(events);
        long seq = trail.atomically(() -> trail.append(event("after")));
        assertThat(seq).isEqualTo(events + 1);
        assertThat(jdbc.sql("SELECT MAX(seq) FROM audit_events").query(Long.class).single()).isEqualTo(seq);
    }

    private static AuditEvent event(String subtype) {
        return new AuditEvent("test", subtype, dev.safeguard.shared.SecurityEvent.Action.E,
                dev.safeguard.shared.SecurityEvent.Outcome.SUCCESS, null,
                dev.safeguard.shared.SecurityEvent.Agent.anonymous("test", null), null, null, null, null, null, null,
                null, null, null);
    }

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
