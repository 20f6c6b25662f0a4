package dev.safeguard.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguard.testing.Api;
import dev.safeguard.testing.Database;
import dev.safeguard.testing.OnDatabase;
import dev.safeguard.testing.ServerTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Service clients: API keys shown once, stored as digests, expiring, revocable at once, scoped. */
public abstract class ServiceClientIntegrationTests extends ServerTest {

    private Api.Response create(int days, String... scopes) {
        return asOfficer().post("/api/service-clients", Api.map("name", "scheduling app",
                "scopes", List.of(scopes), "expiresInDays", days));
    }

    @Test
    void keyIsShownOnceAndStoredOnlyAsADigest() {
        Api.Response created = create(30, "system/*.read");
        String key = created.text("apiKey");
        String id = created.json().get("client").get("id").asString();
        assertThat(key).startsWith("sgk." + id + ".");
        assertThat(asOfficer().get("/api/service-clients").body()).contains(id).doesNotContain(key.substring(5 + id.length()));
        String stored = jdbc.sql("SELECT secret_hash FROM service_clients WHERE id = ?").param(id)
                .query(String.class).single();
        assertThat(stored).hasSize(64).doesNotContain(key.substring(5 + id.length()));
        assertThat(client().bearer(key).get("/api/ping").text("caller")).isEqualTo("service-client");
        assertThat(jdbc.sql("SELECT last_used_at FROM service_clients WHERE id = ?").param(id).query(Long.class)
                .optional()).isPresent();
    }

    @Test
    void expiredKey_isRefused() {
        String key = create(1, "system/*.read").text("apiKey");
        assertThat(client().bearer(key).get("/api/ping").status()).isEqualTo(200);
        clock.advance(Duration.ofDays(1).plusSeconds(1));
        Api.Response refused = client().bearer(key).get("/api/ping");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("WWW-Authenticate")).contains("invalid_token");
    }

    @Test
    void revokedKey_isRefusedOnTheNextRequest() {
        Api.Response created = create(30, "system/*.read");
        String key = created.text("apiKey");
        Api app = client().bearer(key);
        assertThat(app.get("/api/ping").status()).isEqualTo(200);
        String id = created.json().get("client").get("id").asString();
        Api.Response revoked = asOfficer().delete("/api/service-clients/" + id);
        assertThat(revoked.text("state")).isEqualTo("revoked");
        assertThat(app.get("/api/ping").status()).isEqualTo(401);
    }

    @Test
    void tamperedOrMalformedKey_isRefused() {
        String key = create(30, "system/*.read").text("apiKey");
        String tampered = key.substring(0, key.length() - 1) + (key.endsWith("A") ? "B" : "A");
        assertThat(client().bearer(tampered).get("/api/ping").status()).isEqualTo(401);
        assertThat(client().bearer("sgk..x").get("/api/ping").status()).isEqualTo(401);
        assertThat(client().bearer("x".repeat(5000)).get("/api/ping").status()).isEqualTo(401);
    }

    @Test
    void keyWithoutMetricsScopeCannotReadMetrics_isRefused() {
        assertThat(client().get("/actuator/prometheus").status()).isEqualTo(401);
        String reader = create(30, "system/*.read").text("apiKey");
        assertThat(client().bearer(reader).get("/actuator/prometheus").status()).isEqualTo(403);
        String metrics = create(30, "metrics.read").text("apiKey");
        Api prometheus = client().bearer(metrics);
        Api.Response scraped = prometheus.send(prometheus.request("/actuator/prometheus")
                .setHeader("Accept", "text/plain").GET());
        assertThat(scraped.status()).isEqualTo(200);
        assertThat(scraped.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void unknownScopeAndOverlongLifetime_areRefused() {
        long before = count("service_clients");
        assertThat(create(30, "fhir.everything").status()).isEqualTo(400);
        assertThat(create(366, "system/*.read").status()).isEqualTo(400);
        assertThat(count("service_clients")).isEqualTo(before);
    }

    @Test
    void healthIsUpWithoutDetailsForAnyone() {
        Api.Response health = client().get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.text("status")).isEqualTo("UP");
        assertThat(health.json().has("components")).isFalse();
    }
}

@OnDatabase(Database.SQLITE)
class SqliteServiceClientIntegrationTests extends ServiceClientIntegrationTests {
}

@OnDatabase(Database.POSTGRES)
class PostgresServiceClientIntegrationTests extends ServiceClientIntegrationTests {
}
