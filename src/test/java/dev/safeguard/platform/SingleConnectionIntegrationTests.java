package dev.safeguard.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguard.testing.Api;
import dev.safeguard.testing.Database;
import dev.safeguard.testing.OnDatabase;
import dev.safeguard.testing.ServerTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * No code path holds two pooled connections at once (a nested query inside a row mapper, a second transaction
 * opened inside one): with a pool of one connection such a path would wait for itself until the pool's timeout.
 * The main flows run here on a single connection, fast.
 */
@TestPropertySource(properties = {"safeguard.db-pool-size=1", "safeguard.audit.tree-head-every=3"})
public abstract class SingleConnectionIntegrationTests extends ServerTest {

    @Test
    void mainFlowsNeedOnlyOneConnectionAtATime() {
        SignedIn clinician = newUser("clinician");
        Api signedIn = signIn(clinician);
        assertThat(signedIn.get("/api/session").status()).isEqualTo(200);
        String key = asOfficer().post("/api/service-clients", Api.map("name", "one connection",
                "scopes", List.of("system/*.read"), "expiresInDays", 5)).text("apiKey");
        assertThat(client().bearer(key).get("/api/ping").status()).isEqualTo(200);
        assertThat(client().post("/api/auth/login", Api.map("username", clinician.username(),
                "password", "wrong password")).status()).isEqualTo(401);
        SignedIn auditor = newUser("auditor");
        assertThat(auditor.api().get("/api/audit/events?size=5").status()).isEqualTo(200);
        assertThat(auditor.api().post("/api/audit/verification").text("ok")).isEqualTo("true");
        assertThat(auditor.api().get("/api/audit/alerts").status()).isEqualTo(200);
        assertThat(asOfficer().post("/api/users/" + clinician.id() + "/terminate").status()).isEqualTo(200);
        assertThat(signedIn.get("/api/session").status()).isEqualTo(401);
    }
}

@OnDatabase(Database.SQLITE)
class SqliteSingleConnectionIntegrationTests extends SingleConnectionIntegrationTests {
}

@OnDatabase(Database.POSTGRES)
class PostgresSingleConnectionIntegrationTests extends SingleConnectionIntegrationTests {
}
