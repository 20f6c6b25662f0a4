package dev.safeguard.program;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguard.testing.Api;
import dev.safeguard.testing.Database;
import dev.safeguard.testing.OnDatabase;
import dev.safeguard.testing.ServerTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The technology asset inventory over HTTPS: Safeguard's own parts registered at start-up and following service
 * clients (revoked ones retired, never deleted), assets and data flows with their validation and audit, the ePHI
 * data-flow map (SVG exactly when Graphviz's dot is installed), CSV round-trip and all-or-nothing import, role rules.
 */
public abstract class InventoryIntegrationTests extends ServerTest {

    @Autowired
    RiskPosture posture;

    @Test
    void safeguardsOwnPartsAreRegisteredAtStartUpAndCannotBeEdited() {
        JsonNode assets = asOfficer().get("/api/program/assets").json();
        List<String> managed = names(assets, a -> a.get("systemManaged").asBoolean());
        String database = storage.postgres() ? "Safeguard database (PostgreSQL)" : "Safeguard database (SQLite)";
        assertThat(managed).contains("Safeguard server", database, "Master key (local keyset file)",
                "Audit checkpoint file");
        JsonNode db = find(assets, database);
        assertThat(db.get("kind").asString()).isEqualTo("database");
        assertThat(db.get("ephi").asBoolean()).isTrue();
        assertThat(db.get("location").asString()).doesNotContain("password").doesNotContain(storage.dbPassword() == null
                ? "\u0000" : storage.dbPassword());
        if (!storage.postgres()) {
            assertThat(db.get("location").asString()).isEqualTo(storage.sqliteFile().toAbsolutePath().normalize()
                    .toString());
        }
        Api.Response edit = asOfficer().put("/api/program/assets/" + db.get("id").asString(), asset("Renamed", "database"));
        assertThat(edit.status()).isEqualTo(409);
        assertThat(edit.header("Content-Type")).contains("application/problem+json");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE type = 'program' AND subtype = 'asset-register'")
                .query(Long.class).single()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void aNewServiceClientIsRegisteredAndARevokedOneIsRetiredNotDeleted() {
        String name = "scheduler " + UUID.randomUUID();
        Api.Response created = asOfficer().post("/api/service-clients", Api.map("name", name,
                "scopes", List.of("system/Appointment.read"), "expiresInDays", 30));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String clientId = created.json().get("client").get("id").asString();
        JsonNode registered = await("Service client " + name, a -> a.get("status").asString().equals("active"));
        assertThat(registered.get("ephi").asBoolean()).isTrue();
        assertThat(registered.get("systemManaged").asBoolean()).isTrue();
        assertThat(registered.get("location").asString()).contains(clientId);

        assertThat(asOfficer().delete("/api/service-clients/" + clientId).status()).isEqualTo(200);
        JsonNode retired = await("Service client " + name, a -> a.get("status").asString().equals("retired"));
        assertThat(retired.get("id").asString()).isEqualTo(registered.get("id").asString());
        assertThat(names(asOfficer().get("/api/program/assets").json(), a -> true))
                .filteredOn(n -> n.equals("Service client " + name)).hasSize(1);
    }

    @Test
    void assetsAndDataFlowsAreRecordedValidatedAndMappedAsDot() {
        Api api = newUser("compliance-officer").api();
        String ehr = created(api.post("/api/program/assets", asset("EHR \"primary\"", "application")));
        String laptop = created(api.post("/api/program/assets", asset("Clinic laptop", "device")));
        long assets = count("program_assets");
        for (Object bad : List.of(asset("", "database"), asset("Mainframe", "mainframe"),
                Api.map("name", "No location", "kind", "system", "encryption", "encrypted"),
                Api.map("name", "Bad owner", "kind", "system", "location", "x", "encryption", "encrypted",
                        "ownerId", "no-such-user"),
                Api.map("name", "Bad encryption", "kind", "system", "location", "x", "encryption", "rot13"))) {
            Api.Response r = api.post("/api/program/assets", bad);
            assertThat(r.status()).as(bad.toString()).isEqualTo(400);
            assertThat(r.header("Content-Type")).contains("application/problem+json");
        }
        assertThat(count("program_assets")).isEqualTo(assets);

        Api.Response flow = api.post("/api/program/data-flows", Api.map("sourceAssetId", ehr, "targetAssetId", laptop,
                "data", "Visit notes", "protocol", "SMB", "encrypted", false, "ephi", true));
        assertThat(flow.status()).as(flow.toString()).isEqualTo(201);
        assertThat(flow.text("sourceName")).isEqualTo("EHR \"primary\"");
        assertThat(api.post("/api/program/data-flows", Api.map("sourceAssetId", ehr, "targetAssetId", ehr,
                "data", "x", "protocol", "y")).status()).isEqualTo(400);
        assertThat(api.post("/api/program/data-flows", Api.map("sourceAssetId", ehr, "targetAssetId", "nope",
                "data", "x", "protocol", "y")).status()).isEqualTo(400);

        Api.Response dot = api.get("/api/program/data-flows/map.dot");
        assertThat(dot.status()).isEqualTo(200);
        assertThat(dot.header("Content-Type")).startsWith("text/vnd.graphviz");
        assertThat(dot.body()).startsWith("digraph ephi_data_flows {").contains("EHR \\\"primary\\\"")
                .contains("Visit notes\\nSMB (NOT encrypted)").contains("style=dashed");

        Api.Response retired = api.put("/api/program/assets/" + laptop, Api.map("name", "Clinic laptop",
                "kind", "device", "location", "Front desk", "encryption", "encrypted", "status", "retired"));
        assertThat(retired.text("status")).isEqualTo("retired");
        List<String> subtypes = jdbc.sql("SELECT subtype FROM audit_events WHERE type = 'program' AND entity_id = ? "
                + "ORDER BY seq").param(laptop).query(String.class).list();
        assertThat(subtypes).containsExactly("asset-create", "asset-update");
        assertThat(api.delete("/api/program/data-flows/" + flow.text("id")).status()).isEqualTo(204);
        assertThat(api.get("/api/program/data-flows/" + flow.text("id")).status()).isEqualTo(404);
    }

    @Test
    void theDataFlowMapIsDrawnAsSvgExactlyWhenGraphvizIsInstalled() throws Exception {
        Api api = asOfficer();
        String a = created(api.post("/api/program/assets", asset("Lab interface", "application")));
        String b = created(api.post("/api/program/assets", asset("Lab vendor", "cloud-service")));
        api.post("/api/program/data-flows", Api.map("sourceAssetId", a, "targetAssetId", b, "data", "Lab orders",
                "protocol", "HL7 over TLS", "encrypted", true, "ephi", true));
        JsonNode map = api.get("/api/program/data-flows/map").json();
        assertThat(map.get("dot").asString()).contains("Lab orders\\nHL7 over TLS (encrypted)");
        if (dotInstalled()) {
            assertThat(map.get("svg").asString()).contains("<svg").contains("Lab orders");
            assertThat(map.get("note").isNull()).isTrue();
        } else {
            assertThat(map.get("svg").isNull()).isTrue();
            assertThat(map.get("note").asString()).contains("Graphviz is not installed");
        }
    }

    @Test
    void theInventoryCsvRoundTripsAndABadFileImportsNothing() {
        Api api = asOfficer();
        created(api.post("/api/program/assets", Api.map("name", "Backup NAS, rack 2", "kind", "backup-target",
                "ephi", true, "location", "Server room\nrack 2", "encryption", "partial", "centralLogging", false,
                "vendor", "Synology", "description", "+nightly copies")));
        String exported = RiskRegisterIntegrationTests.csv(api.get("/api/program/assets/export"));
        assertThat(exported).contains("managed_by_safeguard").contains("'+nightly copies");
        Api.Response again = RiskRegisterIntegrationTests.importCsv(api, "/api/program/assets/import", exported);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(RiskRegisterIntegrationTests.csv(api.get("/api/program/assets/export"))).isEqualTo(exported);

        long before = count("program_assets");
        String header = exported.substring(0, exported.indexOf("\r\n"));
        Api.Response refused = RiskRegisterIntegrationTests.importCsv(api, "/api/program/assets/import", header
                + "\r\n,Scanner,device,no,Front desk,,unencrypted,no,,,active,no\r\n"
                + ",Fax,fax-machine,yes,Front desk,,unencrypted,no,,,active,no\r\n");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).contains("application/problem+json");
        assertThat(refused.text("detail")).startsWith("Line 3:").contains("kind");
        assertThat(count("program_assets")).isEqualTo(before);
        Api.Response wrongFields = RiskRegisterIntegrationTests.importCsv(api, "/api/program/assets/import", header
                + "\r\n,Scanner,device\r\n");
        assertThat(wrongFields.status()).isEqualTo(400);
        assertThat(wrongFields.text("detail")).startsWith("Line 2:");
        assertThat(count("program_assets")).isEqualTo(before);

        LoggingCoverage coverage = posture.centralLoggingCoverage();
        assertThat(coverage.uncovered()).extracting(Asset::name).contains("Backup NAS, rack 2");
        assertThat(coverage.covered()).extracting(Asset::name).contains("Safeguard server");
        assertThat(coverage.percent()).isBetween(0.0, 100.0);
    }

    @Test
    void auditorsReadTheInventoryButDoNotChangeItAndClinicians_areRefused() {
        Api auditor = newUser("auditor").api();
        assertThat(auditor.get("/api/program/assets").status()).isEqualTo(200);
        assertThat(auditor.get("/api/program/data-flows").status()).isEqualTo(200);
        assertThat(auditor.get("/api/program/data-flows/map.dot").status()).isEqualTo(200);
        assertThat(auditor.post("/api/program/assets", asset("Auditor's", "device")).status()).isEqualTo(403);
        Api clinician = newUser("clinician").api();
        assertThat(clinician.get("/api/program/assets").status()).isEqualTo(403);
        assertThat(clinician.get("/api/program/data-flows/map").status()).isEqualTo(403);
        assertThat(clinician.post("/api/program/assets", asset("Clinician's", "device")).status()).isEqualTo(403);
    }

    /** Whether Graphviz is installed, as `which dot` says. */
    public static boolean dotInstalled() throws Exception {
        Process which = new ProcessBuilder("which", "dot").redirectErrorStream(true).start();
        which.getInputStream().readAllBytes();
        return which.waitFor() == 0;
    }

    private JsonNode await(String name, Predicate<JsonNode> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode a : asOfficer().get("/api/program/assets").json()) {
                if (a.get("name").asString().equals(name) && condition.test(a)) {
                    return a;
                }
            }
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
        throw new AssertionError("The inventory did not show " + name + " as expected within 10 s");
    }

    static Object asset(String name, String kind) {
        return Api.map("name", name, "kind", kind, "ephi", true, "location", "Main clinic", "encryption", "encrypted",
                "centralLogging", true);
    }

    private static String created(Api.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.text("id");
    }

    private static JsonNode find(JsonNode assets, String name) {
        for (JsonNode a : assets) {
            if (a.get("name").asString().equals(name)) {
                return a;
            }
        }
        throw new AssertionError("no asset " + name);
    }

    private static List<String> names(JsonNode assets, Predicate<JsonNode> filter) {
        List<String> names = new ArrayList<>();
        assets.forEach(a -> {
            if (filter.test(a)) {
                names.add(a.get("name").asString());
            }
        });
        return names;
    }
}

@OnDatabase(Database.SQLITE)
class SqliteInventoryIntegrationTests extends InventoryIntegrationTests {
}

@OnDatabase(Database.POSTGRES)
class PostgresInventoryIntegrationTests extends InventoryIntegrationTests {
}
