package dev.safeguard.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguard.testing.Api;
import dev.safeguard.testing.Database;
import dev.safeguard.testing.OnDatabase;
import dev.safeguard.testing.ServerTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * Property: any sequence of requests by users of any role, service clients and strangers (successes, denials,
 * failed sign-ins, bad input) yields exactly one request event per request, each with every AU-3 field.
 * Seeded; the seed is in the failure message.
 */
public abstract class AuditCompletenessIntegrationTests extends ServerTest {

    private static final String[] ROLES = {"security-officer", "compliance-officer", "auditor", "clinician", "staff"};

    @RepeatedTest(3)
    void everyRequestYieldsExactlyOneCompleteEvent(RepetitionInfo repetition) {
        long seed = System.nanoTime() ^ repetition.getCurrentRepetition();
        Random random = new Random(seed);
        forgetAddressFailures();
        List<SignedIn> users = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            users.add(newUser(ROLES[random.nextInt(ROLES.length)]));
        }
        String key = asOfficer().post("/api/service-clients", Api.map("name", "property app",
                "scopes", List.of("system/*.read"), "expiresInDays", 5)).text("apiKey");
        List<String> requestIds = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            SignedIn user = users.get(random.nextInt(users.size()));
            Api.Response response = switch (random.nextInt(8)) {
                case 0 -> client().get("/api/ping");
                case 1 -> user.api().get("/api/users");
                case 2 -> user.api().get("/api/session");
                case 3 -> client().post("/api/auth/login", Api.map("username", user.username(),
                        "password", "wrong " + random.nextInt()));
                case 4 -> user.api().get("/api/no-such-" + random.nextInt(100));
                case 5 -> user.api().post("/api/users", "{\"broken\"");
                case 6 -> client().bearer(key).get("/api/ping?x=" + random.nextInt());
                default -> client().bearer("sgk.unknown.key").get("/api/ping");
            };
            assertThat(response.header("X-Request-Id")).as("seed %d, request %d: %s", seed, i, response)
                    .isNotBlank();
            requestIds.add(response.header("X-Request-Id"));
        }
        for (String id : requestIds) {
            List<Map<String, Object>> rows = jdbc.sql("SELECT * FROM audit_events WHERE request_id = ?").param(id)
                    .query().listOfRows();
            assertThat(rows).as("seed %d, request %s", seed, id).hasSize(1);
            Map<String, Object> row = rows.get(0);
            for (String field : List.of("seq", "event_id", "recorded_at", "type", "subtype", "action", "outcome",
                    "status", "agent_address", "request_id", "node_id", "leaf_hash")) {
                assertThat(row.get(field)).as("seed %d, %s of %s", seed, field, row).isNotNull();
            }
            int status = ((Number) row.get("status")).intValue();
            String outcome = (String) row.get("outcome");
            assertThat(outcome).as("seed %d", seed)
                    .isEqualTo(status >= 500 ? "SERIOUS_FAILURE" : status >= 400 ? "MINOR_FAILURE" : "SUCCESS");
        }
    }
}

@OnDatabase(Database.SQLITE)
class SqliteAuditCompletenessIntegrationTests extends AuditCompletenessIntegrationTests {
}

@OnDatabase(Database.POSTGRES)
class PostgresAuditCompletenessIntegrationTests extends AuditCompletenessIntegrationTests {
}
