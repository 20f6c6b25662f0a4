package dev.safeguard.records;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguard.crypto.CompartmentKeys;
import dev.safeguard.records.internal.ResourceVault;
import dev.safeguard.testing.Api;
import dev.safeguard.testing.Database;
import dev.safeguard.testing.OnDatabase;
import dev.safeguard.testing.ServerTest;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The vault over HTTPS: FHIR create/read/vread/update/delete/history, encrypted and MAC'd at rest, every interaction
 * audited, optimistic concurrency, integrity failures never served, crypto-shredding, and refusals.
 */
public abstract class FhirVaultIntegrationTests extends ServerTest {

    @Autowired
    CompartmentKeys keys;
    @Autowired
    ResourceVault vault;
    @Autowired
    RecordIntegrity integrity;

    private Api writer;
    private Api reader;

    @BeforeAll
    void serviceClients() {
        writer = client().bearer(apiKey("system/*.read", "system/*.write"));
        reader = client().bearer(apiKey("system/*.read"));
    }

    private String apiKey(String... scopes) {
        Api.Response created = asOfficer().post("/api/service-clients", Api.map("name", "ehr app " + UUID.randomUUID(),
                "scopes", List.of(scopes), "expiresInDays", 30));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("apiKey");
    }

    private static Map<String, Object> patient(String family) {
        return Api.map("resourceType", "Patient", "name", List.of(Api.map("family", family, "given", List.of("Test"))),
                "gender", "female", "birthDate", "1970-01-01");
    }

    private static Map<String, Object> observation(String patientId) {
        return Api.map("resourceType", "Observation", "status", "final",
                "code", Api.map("coding", List.of(Api.map("system", "http://loinc.org", "code", "8867-4"))),
                "subject", Api.map("reference", "Patient/" + patientId),
                "valueQuantity", Api.map("value", 72, "unit", "/min"));
    }

    private Api.Response create(Api api, Map<String, Object> resource) {
        return api.send(api.request("/fhir/" + resource.get("resourceType"))
                .header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(resource))));
    }

    private Api.Response put(Api api, String path, Map<String, Object> resource, String ifMatch) {
        HttpRequest.Builder request = api.request(path).header("Content-Type", "application/fhir+json")
                .PUT(HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(resource)));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return api.send(request);
    }

    private String createdId(Api.Response created) {
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    @Test
    void createReadVreadUpdateDeleteAndHistory() {
        String id = createdId(create(writer, patient("Lifecycle")));
        Api.Response read = reader.get("/fhir/Patient/" + id);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.json().get("name").get(0).get("family").asString()).isEqualTo("Lifecycle");
        assertThat(read.json().get("meta").get("versionId").asString()).isEqualTo("1");
        assertThat(read.header("ETag")).isEqualTo("W/\"1\"");

        Map<String, Object> changed = patient("Changed");
        changed.put("id", id);
        Api.Response updated = put(writer, "/fhir/Patient/" + id, changed, "W/\"1\"");
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().get("meta").get("versionId").asString()).isEqualTo("2");
        assertThat(put(writer, "/fhir/Patient/" + id, changed, "W/\"1\"").status()).isEqualTo(412);

        assertThat(reader.get("/fhir/Patient/" + id + "/_history/1").json().get("name").get(0).get("family")
                .asString()).isEqualTo("Lifecycle");
        JsonNode history = reader.get("/fhir/Patient/" + id + "/_history").json();
        assertThat(history.get("resourceType").asString()).isEqualTo("Bundle");
        assertThat(history.get("entry").size()).isEqualTo(2);

        assertThat(writer.delete("/fhir/Patient/" + id).status()).isEqualTo(204);
        Api.Response gone = reader.get("/fhir/Patient/" + id);
        assertThat(gone.status()).isEqualTo(410);
        assertThat(gone.json().get("resourceType").asString()).isEqualTo("OperationOutcome");
        assertThat(reader.get("/fhir/Patient/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void everyInteractionIsAuditedOnceWithItsEntityAndPatientPseudonym() {
        String id = createdId(create(writer, patient("Audited")));
        Api.Response read = reader.get("/fhir/Patient/" + id);
        List<Map<String, Object>> created = jdbc.sql("SELECT * FROM audit_events WHERE subtype = 'fhir create "
                + "Patient' AND entity_version = '1' ORDER BY seq DESC").query().listOfRows();
        assertThat(created).isNotEmpty();
        Map<String, Object> readEvent = jdbc.sql("SELECT * FROM audit_events WHERE request_id = ?")
                .param(read.header("X-Request-Id")).query().singleRow();
        assertThat(readEvent.get("subtype")).isEqualTo("fhir read Patient");
        assertThat(readEvent.get("action")).isEqualTo("R");
        assertThat(((Number) readEvent.get("result_count")).intValue()).isEqualTo(1);
        assertThat(readEvent.get("entity_id")).isNotEqualTo(id); // a Patient's id is stored as a pseudonym
        assertThat((String) readEvent.get("patient_pseudonym")).hasSize(64).isEqualTo(created.get(0)
                .get("patient_pseudonym"));
        assertThat(readEvent.get("agent_client")).isNotNull();
    }

    @Test
    void aCanaryInAPatientNameIsNeverStoredInClear() throws Exception {
        String canary = "CANARY" + UUID.randomUUID().toString().replace("-", "");
        String id = createdId(create(writer, patient(canary)));
        assertThat(reader.get("/fhir/Patient/" + id).body()).contains(canary);
        for (String table : tables()) {
            for (Map<String, Object> row : jdbc.sql("SELECT * FROM " + table).query().listOfRows()) {
                for (Object value : row.values()) {
                    String text = value instanceof byte[] b ? new String(b, StandardCharsets.ISO_8859_1)
                            : String.valueOf(value);
                    assertThat(text).as(table).doesNotContain(canary).doesNotContain(canary.toLowerCase());
                }
            }
        }
        if (storage.dbUrl() == null) {
            Path db = storage.dataDir().resolve("safeguard.db");
            for (Path file : List.of(db, Path.of(db + "-wal"))) {
                if (Files.exists(file)) {
                    assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).as(file.toString())
                            .doesNotContain(canary);
                }
            }
        }
    }

    @Test
    void aTwentyMebibyteBinaryIsStoredEncryptedAndServedBackUnchanged() throws Exception {
        String patientId = createdId(create(writer, patient("Binary")));
        byte[] content = new byte[20 * 1024 * 1024];
        new java.util.Random(7).nextBytes(content);
        byte[] canary = ("BINARYCANARY" + UUID.randomUUID()).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(canary, 0, content, 1_000_000, canary.length);
        Api.Response created = writer.send(writer.request("/fhir/Binary").header("Content-Type", "application/pdf")
                .header("X-Security-Context", "Patient/" + patientId)
                .POST(HttpRequest.BodyPublishers.ofByteArray(content)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String location = created.header("Location");
        String id = location.substring(location.indexOf("/Binary/") + 8, location.indexOf("/_history"));
        var raw = reader.sendForBytes(reader.request("/fhir/Binary/" + id).header("Accept", "application/pdf"));
        assertThat(raw.statusCode()).isEqualTo(200);
        assertThat(raw.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(java.util.Arrays.equals(raw.body(), content)).as("the same bytes come back").isTrue();
        JsonNode fhirJson = reader.send(reader.request("/fhir/Binary/" + id).header("Accept", "application/fhir+json")
                .GET()).json();
        assertThat(fhirJson.get("contentType").asString()).isEqualTo("application/pdf");
        assertThat(fhirJson.get("securityContext").get("reference").asString()).isEqualTo("Patient/" + patientId);
        assertThat(java.util.Base64.getDecoder().decode(fhirJson.get("data").asString())).isEqualTo(content);
        // It belongs to the patient: encrypted under the patient's key (the same compartment), and shredded with it.
        assertThat(jdbc.sql("SELECT compartment FROM fhir_current WHERE resource_id = ?").param(id).query(String.class)
                .single()).isEqualTo(jdbc.sql("SELECT compartment FROM fhir_current WHERE resource_type = 'Patient' "
                        + "AND resource_id = ?").param(patientId).query(String.class).single());
        String canaryText = new String(canary, StandardCharsets.ISO_8859_1);
        for (Map<String, Object> row : jdbc.sql("SELECT content FROM fhir_versions WHERE resource_id = ?").param(id)
                .query().listOfRows()) {
            assertThat(new String((byte[]) row.get("content"), StandardCharsets.ISO_8859_1)).doesNotContain(canaryText)
                    .doesNotContain(java.util.Base64.getEncoder().encodeToString(canary).substring(0, 12));
        }
        Api.Response tooLarge = writer.send(writer.request("/fhir/Binary").header("Content-Type", "application/pdf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[20 * 1024 * 1024 + 1])));
        assertThat(tooLarge.status()).isEqualTo(413);
    }

    private List<String> tables() {
        String sql = storage.dbUrl() == null
                ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                : "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()";
        return jdbc.sql(sql).query(String.class).list();
    }

    @Test
    void aFlippedCiphertextByteIsNeverServedAndRaisesAnAlert() {
        String id = createdId(create(writer, observation("flip-" + UUID.randomUUID())));
        byte[] content = jdbc.sql("SELECT content FROM fhir_versions WHERE resource_type = 'Observation' AND "
                + "resource_id = ?").param(id).query(byte[].class).single();
        byte[] flipped = content.clone();
        flipped[flipped.length / 2] ^= 1;
        jdbc.sql("UPDATE fhir_versions SET content = ? WHERE resource_type = 'Observation' AND resource_id = ?")
                .params(flipped, id).update();
        Api.Response read = reader.get("/fhir/Observation/" + id);
        assertThat(read.status()).isEqualTo(500);
        assertThat(read.json().get("resourceType").asString()).isEqualTo("OperationOutcome");
        assertThat(read.body()).doesNotContain("8867-4").contains("integrity");
        awaitAlert("record-integrity-failure");
    }

    @Test
    void ciphertextsSwappedBetweenRowsFailBothReads() {
        String patientId = createdId(create(writer, patient("Swap")));
        String a = createdId(create(writer, observation(patientId)));
        String b = createdId(create(writer, observation(patientId)));
        Map<String, Object> rowA = version("Observation", a);
        Map<String, Object> rowB = version("Observation", b);
        for (String column : List.of("content", "content_sha256", "mac")) {
            jdbc.sql("UPDATE fhir_versions SET " + column + " = ? WHERE resource_id = ?").params(rowB.get(column), a)
                    .update();
            jdbc.sql("UPDATE fhir_versions SET " + column + " = ? WHERE resource_id = ?").params(rowA.get(column), b)
                    .update();
        }
        assertThat(reader.get("/fhir/Observation/" + a).status()).isEqualTo(500);
        assertThat(reader.get("/fhir/Observation/" + b).status()).isEqualTo(500);
    }

    @Test
    void anEditedMetadataRowIsNeverServed() {
        String id = createdId(create(writer, observation("meta-" + UUID.randomUUID())));
        jdbc.sql("UPDATE fhir_versions SET last_updated = last_updated + 1000 WHERE resource_id = ?").param(id)
                .update();
        assertThat(reader.get("/fhir/Observation/" + id).status()).isEqualTo(500);
    }

    @Test
    void recordsVerifyReportsEditedMetadataAndSwappedCiphertextsOnly() {
        String patientId = createdId(create(writer, patient("Verify")));
        String edited = createdId(create(writer, observation(patientId)));
        String a = createdId(create(writer, observation(patientId)));
        String b = createdId(create(writer, observation(patientId)));
        String untouched = createdId(create(writer, observation(patientId)));
        jdbc.sql("UPDATE fhir_versions SET key_version = key_version + 1 WHERE resource_id = ?").param(edited)
                .update();
        Map<String, Object> rowA = version("Observation", a);
        Map<String, Object> rowB = version("Observation", b);
        jdbc.sql("UPDATE fhir_versions SET resource_id = 'swap' WHERE resource_id = ?").param(a).update();
        jdbc.sql("UPDATE fhir_versions SET resource_id = ? WHERE resource_id = ?").params(a, b).update();
        jdbc.sql("UPDATE fhir_versions SET resource_id = ? WHERE resource_id = 'swap'").param(b).update();
        assertThat(rowA).isNotEqualTo(rowB);

        RecordIntegrity.Result result = integrity.verify();
        assertThat(result.ok()).isFalse();
        assertThat(result.failures()).extracting(RecordIntegrity.Failure::id).contains(edited, a, b)
                .doesNotContain(untouched, patientId);

        Api.Response operation = asOfficer().post("/fhir/$verify");
        assertThat(operation.status()).as(operation.toString()).isEqualTo(200);
        assertThat(operation.body()).contains("Observation/" + edited + "/_history/1").doesNotContain(untouched);
        assertThat(newUser("clinician").api().post("/fhir/$verify").status()).isEqualTo(403);
        assertThat(reader.post("/fhir/$verify").status()).isEqualTo(403);
    }

    private Map<String, Object> version(String type, String id) {
        return jdbc.sql("SELECT * FROM fhir_versions WHERE resource_type = ? AND resource_id = ?").params(type, id)
                .query().singleRow();
    }

    private void awaitAlert(String rule) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (jdbc.sql("SELECT COUNT(*) FROM alerts WHERE rule = ?").param(rule).query(Long.class).single() > 0) {
                return;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        throw new AssertionError("No " + rule + " alert was stored");
    }

    @Test
    void concurrentUpdatesWithTheSameIfMatchHaveExactlyOneWinner() throws Exception {
        String id = createdId(create(writer, patient("Race")));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Map<String, Object> body = patient("Race " + i);
            body.put("id", id);
            Callable<Integer> update = () -> put(writer, "/fhir/Patient/" + id, body, "W/\"1\"").status();
            results.add(pool.submit(update));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> result : results) {
            statuses.add(result.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertThat(statuses).containsOnly(200, 412);
        assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(1);
        assertThat(reader.get("/fhir/Patient/" + id).json().get("meta").get("versionId").asString()).isEqualTo("2");
    }

    @Test
    void aCryptoShreddedPatientsResourcesAreGone() {
        String patientId = createdId(create(writer, patient("Shredded")));
        String observationId = createdId(create(writer, observation(patientId)));
        assertThat(reader.get("/fhir/Observation/" + observationId).status()).isEqualTo(200);
        keys.shred(vault.compartmentOf("Patient/" + patientId));
        for (String path : List.of("/fhir/Patient/" + patientId, "/fhir/Observation/" + observationId)) {
            Api.Response gone = reader.get(path);
            assertThat(gone.status()).as(path).isEqualTo(410);
            assertThat(gone.json().get("resourceType").asString()).isEqualTo("OperationOutcome");
        }
    }

    @Test
    void securityOfficersRotateKeysAndShredAPatientWithTheirActionsAudited() {
        String patientId = createdId(create(writer, patient("Keys")));
        String observationId = createdId(create(writer, observation(patientId)));
        Api officer = asOfficer();
        JsonNode status = officer.get("/api/keys").json();
        assertThat(status.get("masterKeyProvider").asString()).isEqualTo("local");
        int active = status.get("activeKekVersion").asInt();

        Api.Response rotated = officer.post("/api/keys/kek/rotate");
        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
        assertThat(rotated.json().get("version").asInt()).isEqualTo(active + 1);
        assertThat(reader.get("/fhir/Observation/" + observationId).status()).isEqualTo(200);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (officer.get("/api/keys").json().get("dataKeysToRewrap").asLong() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
        assertThat(officer.get("/api/keys").json().get("dataKeysToRewrap").asLong()).isZero();
        assertThat(officer.post("/api/keys/kek/minimum", Api.map("version", active + 1)).status()).isEqualTo(200);
        assertThat(reader.get("/fhir/Observation/" + observationId).status()).isEqualTo(200);

        assertThat(officer.post("/api/keys/patients/" + patientId + "/rotate").json().get("version").asInt())
                .isEqualTo(2);
        assertThat(officer.post("/api/keys/patients/" + patientId + "/shred", Api.map("confirm", "Patient/other"))
                .status()).isEqualTo(400);
        Api.Response shred = officer.post("/api/keys/patients/" + patientId + "/shred",
                Api.map("confirm", "Patient/" + patientId));
        assertThat(shred.status()).as(shred.toString()).isEqualTo(200);
        assertThat(reader.get("/fhir/Observation/" + observationId).status()).isEqualTo(410);
        Map<String, Object> event = jdbc.sql("SELECT * FROM audit_events WHERE request_id = ?")
                .param(shred.header("X-Request-Id")).query().singleRow();
        assertThat(event.get("subtype")).isEqualTo("key crypto-shred");
        assertThat(event.get("patient_pseudonym")).isNotNull();

        Api clinician = newUser("clinician").api();
        assertThat(clinician.get("/api/keys").status()).isEqualTo(403);
        assertThat(clinician.post("/api/keys/kek/rotate").status()).isEqualTo(403);
    }

    @Test
    void kekRotationWhile16ClientsReadAndWriteFailsNoRequest() throws Exception {
        List<String> existing = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            existing.add(createdId(create(writer, patient("Rotation " + i))));
        }
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(16);
        List<Future<List<Integer>>> work = new ArrayList<>();
        for (int c = 0; c < 16; c++) {
            String mine = existing.get(c);
            work.add(clients.submit(() -> {
                List<Integer> statuses = new ArrayList<>();
                while (!stop.get()) {
                    statuses.add(reader.get("/fhir/Patient/" + mine).status());
                    statuses.add(create(writer, observation(mine)).status());
                }
                return statuses;
            }));
        }
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(300));
        Api.Response rotated = asOfficer().post("/api/keys/kek/rotate");
        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
        int version = rotated.json().get("version").asInt();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (asOfficer().get("/api/keys").json().get("dataKeysToRewrap").asLong() > 0
                && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
        stop.set(true);
        List<Integer> statuses = new ArrayList<>();
        for (Future<List<Integer>> f : work) {
            statuses.addAll(f.get(60, TimeUnit.SECONDS));
        }
        clients.shutdown();
        assertThat(statuses).isNotEmpty().containsOnly(200, 201);
        JsonNode status = asOfficer().get("/api/keys").json();
        assertThat(status.get("activeKekVersion").asInt()).isEqualTo(version);
        assertThat(status.get("dataKeysToRewrap").asLong()).isZero();
        // Every data key is now under the new KEK only: with older versions destroyed, all still read.
        assertThat(asOfficer().post("/api/keys/kek/minimum", Api.map("version", version)).status()).isEqualTo(200);
        for (String id : existing) {
            assertThat(reader.get("/fhir/Patient/" + id).status()).isEqualTo(200);
        }
    }

    @Test
    void resourcesAreServedAsXmlToo() {
        String xml = "<Patient xmlns=\"http://hl7.org/fhir\"><name><family value=\"Xml\"/></name>"
                + "<gender value=\"other\"/></Patient>";
        Api.Response created = writer.send(writer.request("/fhir/Patient").header("Content-Type",
                "application/fhir+xml").POST(HttpRequest.BodyPublishers.ofString(xml)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();
        Api.Response read = reader.send(reader.request("/fhir/Patient/" + id).setHeader("Accept",
                "application/fhir+xml").GET());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).startsWith("<Patient xmlns=\"http://hl7.org/fhir\">").contains("<family value=\"Xml\"");
        Api.Response bad = writer.send(writer.request("/fhir/Patient").header("Content-Type", "application/fhir+xml")
                .POST(HttpRequest.BodyPublishers.ofString("<Patient xmlns=\"http://hl7.org/fhir\"><bogus/></Patient>")));
        assertThat(bad.status()).isEqualTo(400);
    }

    @Test
    void callersWithoutTheRightScopeOrRoleAreRefusedAndAudited() {
        String id = createdId(create(writer, patient("Private")));
        assertThat(create(reader, patient("Nope")).status()).isEqualTo(403);
        for (String role : List.of("clinician", "auditor", "compliance-officer")) {
            Api.Response denied = newUser(role).api().get("/fhir/Patient/" + id);
            assertThat(denied.status()).as(role).isEqualTo(403);
            Map<String, Object> event = jdbc.sql("SELECT * FROM audit_events WHERE request_id = ?")
                    .param(denied.header("X-Request-Id")).query().singleRow();
            assertThat(event.get("outcome")).isEqualTo("MINOR_FAILURE");
            assertThat(event.get("entity_type")).isEqualTo("Patient");
            assertThat(event.get("subtype")).isEqualTo("fhir read Patient");
        }
        assertThat(client().get("/fhir/Patient/" + id).status()).isEqualTo(401);
    }

    @Test
    void malformedResourcesGet400AndStoreNothing() {
        long before = count("fhir_versions");
        for (String body : List.of("{not json", "{\"resourceType\":\"Patient\",\"unknownElement\":1}",
                "{\"resourceType\":\"Patient\",\"birthDate\":\"not-a-date\"}", "[]",
                "{\"resourceType\":\"Observation\"}")) {
            Api.Response response = writer.send(writer.request("/fhir/Patient")
                    .header("Content-Type", "application/fhir+json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
            assertThat(response.status()).as(body).isBetween(400, 422);
            assertThat(response.json().get("resourceType").asString()).isEqualTo("OperationOutcome");
        }
        assertThat(count("fhir_versions")).isEqualTo(before);
    }

    @Test
    void theCapabilityStatementListsEveryTypeWithTheInteractionsServed() {
        Api.Response metadata = client().get("/fhir/metadata");
        assertThat(metadata.status()).as(metadata.toString()).isIn(200, 401);
        Api.Response authenticated = reader.get("/fhir/metadata");
        assertThat(authenticated.status()).isEqualTo(200);
        JsonNode rest = authenticated.json().get("rest").get(0);
        assertThat(rest.get("resource").size()).isGreaterThan(140);
        assertThat(authenticated.body()).contains("\"read\"", "\"vread\"", "\"create\"", "\"update\"",
                "\"delete\"", "\"history-instance\"", "\"search-type\"", "\"transaction\"", "\"batch\"");
    }

}

@OnDatabase(Database.SQLITE)
class SqliteFhirVaultIntegrationTests extends FhirVaultIntegrationTests {
}

@OnDatabase(Database.POSTGRES)
class PostgresFhirVaultIntegrationTests extends FhirVaultIntegrationTests {
}
