package dev.safeguard.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguard.audit.internal.CanonicalEncoding;
import dev.safeguard.audit.internal.Merkle;
import dev.safeguard.audit.internal.StoredEvent;
import dev.safeguard.testing.Api;
import dev.safeguard.testing.Database;
import dev.safeguard.testing.OnDatabase;
import dev.safeguard.testing.ServerTest;
import dev.safeguard.shared.SecurityEvent.Action;
import dev.safeguard.shared.SecurityEvent.Agent;
import dev.safeguard.shared.SecurityEvent.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The audit trail records every API request once, before the answer, and detects every kind of tampering with the
 * first bad sequence number.
 */
// Chunks of 5 events: every case below crosses the parallel verifier's chunk boundaries.
@TestPropertySource(properties = {"safeguard.audit.tree-head-every=7", "safeguard.audit.verify-chunk=5"})
public abstract class AuditTrailIntegrationTests extends ServerTest {

    @Autowired
    AuditIntegrity integrity;

    @Autowired
    AuditTrail trail;

    @BeforeAll
    void someTraffic() {
        SignedIn clinician = newUser("clinician");
        clinician.api().get("/api/users");
        clinician.api().get("/api/ping?q=1");
        client().get("/api/users");
        awaitSignedHeadCoveringEverything();
        assertThat(integrity.verify().ok()).as(integrity.verify().toString()).isTrue();
    }

    /** Lets the appender sign a head over all events (it signs after the interval passes on the clock). */
    void awaitSignedHeadCoveringEverything() {
        clock.advance(Duration.ofSeconds(11));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            Long max = jdbc.sql("SELECT COALESCE(MAX(seq), 0) FROM audit_events").query(Long.class).single();
            Long head = jdbc.sql("SELECT COALESCE(MAX(tree_size), 0) FROM audit_tree_heads").query(Long.class).single();
            if (max != null && max.equals(head)) {
                return;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        throw new AssertionError("No tree head covers all events");
    }

    private AuditVerification verify() {
        return integrity.verify();
    }

    private long maxSeq() {
        return jdbc.sql("SELECT COALESCE(MAX(seq), 0) FROM audit_events").query(Long.class).single();
    }

    @Test
    void everyApiRequestIsRecordedOnceWithItsOutcomeIncludingDenials() {
        SignedIn clinician = newUser("clinician");
        Api.Response denied = clinician.api().get("/api/users");
        String requestId = denied.header("X-Request-Id");
        assertThat(requestId).isNotBlank();
        List<Map<String, Object>> rows = jdbc.sql("SELECT * FROM audit_events WHERE request_id = ?")
                .param(requestId).query().listOfRows();
        assertThat(rows).hasSize(1);
        Map<String, Object> row = rows.get(0);
        assertThat(row.get("type")).isEqualTo("rest");
        assertThat(row.get("outcome")).isEqualTo("MINOR_FAILURE");
        assertThat(((Number) row.get("status")).intValue()).isEqualTo(403);
        assertThat(row.get("agent_user")).isEqualTo(clinician.id());
        assertThat(row.get("agent_roles")).isEqualTo("clinician");
        assertThat(row.get("agent_session")).isNotNull();
        assertThat(row.get("agent_address")).isNotNull();
        assertThat(row.get("node_id")).isNotNull();
        assertThat(row.get("event_id")).isNotNull();
    }

    @Test
    void changingAnyColumnOfAnEventIsDetectedAtThatEvent() {
        long seq = jdbc.sql("SELECT MAX(seq) FROM audit_events WHERE type = 'rest' AND seq < ?").param(maxSeq() - 1)
                .query(Long.class).single();
        StoredEvent original = jdbc.sql("SELECT * FROM audit_events WHERE seq = ?").param(seq)
                .query((rs, n) -> new StoredEvent(rs.getLong("seq"), null, 0, null, null, null, null, null, null,
                        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null))
                .single();
        for (String column : List.of("event_id", "type", "subtype", "action", "outcome", "agent_user",
                "agent_address", "request_id", "node_id")) {
            String value = jdbc.sql("SELECT " + column + " FROM audit_events WHERE seq = ?").param(seq)
                    .query(String.class).optional().orElse(null);
            jdbc.sql("UPDATE audit_events SET " + column + " = ? WHERE seq = ?")
                    .params(value == null ? "x" : value + "x", seq).update();
            AuditVerification result = verify();
            jdbc.sql("UPDATE audit_events SET " + column + " = ? WHERE seq = ?").params(value, original.seq())
                    .update();
            assertThat(result.ok()).as(column).isFalse();
            assertThat(result.firstBadSeq()).as(column).isEqualTo(seq);
        }
        for (String column : List.of("recorded_at", "status")) {
            jdbc.sql("UPDATE audit_events SET " + column + " = " + column + " + 1 WHERE seq = ?").param(seq).update();
            AuditVerification result = verify();
            jdbc.sql("UPDATE audit_events SET " + column + " = " + column + " - 1 WHERE seq = ?").param(seq).update();
            assertThat(result.firstBadSeq()).as(column).isEqualTo(seq);
        }
        assertThat(verify().ok()).isTrue();
    }

    @Test
    void aDeletedRowIsDetected() {
        long seq = maxSeq() - 3;
        Map<String, Object> row = jdbc.sql("SELECT * FROM audit_events WHERE seq = ?").param(seq).query()
                .singleRow();
        jdbc.sql("DELETE FROM audit_events WHERE seq = ?").param(seq).update();
        AuditVerification result = verify();
        reinsert(row);
        assertThat(result.ok()).isFalse();
        assertThat(result.firstBadSeq()).isEqualTo(seq);
        assertThat(result.reason()).contains("missing");
        assertThat(verify().ok()).isTrue();
    }

    @Test
    void rowsDeletedAcrossAChunkBoundaryAreDetectedAtTheFirst() {
        long first = (maxSeq() - 6) / 5 * 5; // the last event of a chunk; the next chunk starts after it
        List<Map<String, Object>> rows = jdbc.sql("SELECT * FROM audit_events WHERE seq IN (?, ?) ORDER BY seq")
                .params(first, first + 1).query().listOfRows();
        jdbc.sql("DELETE FROM audit_events WHERE seq IN (?, ?)").params(first, first + 1).update();
        AuditVerification result = verify();
        rows.forEach(this::reinsert);
        assertThat(result.ok()).isFalse();
        assertThat(result.firstBadSeq()).isEqualTo(first);
        assertThat(result.reason()).contains("missing").contains("next event present is " + (first + 2));
        assertThat(verify().ok()).isTrue();
    }

    @Test
    void eventsWithAnyTextVerify() {
        Agent agent = new Agent("user-\u00e9\u4e2d", "client-\ud83d\ude00", List.of("clinician", "auditor"), "ref",
                "2001:db8::1", "Mozilla/5.0 (\u00c5ngstr\u00f6m) \"quoted\" \\ back\tslash");
        for (int i = 0; i < 12; i++) {
            trail.append(new AuditEvent("rest", "GET /fhir/Patient/{id} \u00fc", Action.values()[i % 5],
                    Outcome.values()[i % 3], i % 2 == 0 ? null : 200 + i, agent, i % 2 == 0 ? null : "ETREAT",
                    "Patient", "id-\u00e9-" + i, "v" + i, i % 3 == 0 ? null : "Patient/\u00e9" + i, "q=\u00df" + i,
                    i % 4 == 0 ? null : -i, "req-" + i, i % 2 == 0 ? null : "reason \u2603"));
        }
        AuditVerification result = verify();
        assertThat(result.ok()).as(result.toString()).isTrue();
        assertThat(result.treeSize()).isEqualTo(maxSeq());
    }

    @Test
    void twoSwappedRowsAreDetected() {
        long a = maxSeq() - 5;
        long b = maxSeq() - 4;
        Map<String, Object> rowA = jdbc.sql("SELECT * FROM audit_events WHERE seq = ?").param(a).query().singleRow();
        Map<String, Object> rowB = jdbc.sql("SELECT * FROM audit_events WHERE seq = ?").param(b).query().singleRow();
        jdbc.sql("DELETE FROM audit_events WHERE seq IN (?, ?)").params(a, b).update();
        reinsert(withSeq(rowB, a));
        reinsert(withSeq(rowA, b));
        AuditVerification result = verify();
        jdbc.sql("DELETE FROM audit_events WHERE seq IN (?, ?)").params(a, b).update();
        reinsert(rowA);
        reinsert(rowB);
        assertThat(result.ok()).isFalse();
        assertThat(result.firstBadSeq()).isEqualTo(a);
        assertThat(verify().ok()).isTrue();
    }

    @Test
    void aTruncatedTailIsDetected() {
        awaitSignedHeadCoveringEverything();
        long max = maxSeq();
        List<Map<String, Object>> tail = jdbc.sql("SELECT * FROM audit_events WHERE seq > ? ORDER BY seq")
                .param(max - 3).query().listOfRows();
        jdbc.sql("DELETE FROM audit_events WHERE seq > ?").param(max - 3).update();
        AuditVerification result = verify();
        tail.forEach(this::reinsert);
        assertThat(result.ok()).isFalse();
        assertThat(result.firstBadSeq()).isEqualTo(max - 2);
        assertThat(result.reason()).contains("tail");
    }

    @Test
    void aTableRebuiltWithConsistentHashesButWithoutTheSigningKeyIsDetected() {
        List<Map<String, Object>> all = jdbc.sql("SELECT * FROM audit_events ORDER BY seq").query().listOfRows();
        jdbc.sql("UPDATE audit_events SET agent_address = '203.0.113.9' WHERE seq = 2").update();
        StoredEvent rewritten = jdbc.sql("SELECT * FROM audit_events WHERE seq = 2").query((rs, n) ->
                dev.safeguard.audit.internal.AuditStoreRows.read(rs)).single();
        byte[] leaf = Merkle.leafHash(CanonicalEncoding.encode(rewritten));
        jdbc.sql("UPDATE audit_events SET leaf_hash = ? WHERE seq = 2").params(leaf).update();
        AuditVerification result = verify();
        jdbc.sql("DELETE FROM audit_events").update();
        all.forEach(this::reinsert);
        assertThat(result.ok()).isFalse();
        assertThat(result.firstBadSeq()).isEqualTo(1);
        assertThat(result.reason()).contains("signed tree head");
        assertThat(verify().ok()).isTrue();
    }

    @Test
    void aReplacedSignedTreeHeadIsDetected() {
        Map<String, Object> head = jdbc.sql("SELECT * FROM audit_tree_heads ORDER BY tree_size LIMIT 1").query()
                .singleRow();
        byte[] signature = (byte[]) head.get("signature");
        byte[] forged = signature.clone();
        forged[0] ^= 1;
        jdbc.sql("UPDATE audit_tree_heads SET signature = ? WHERE tree_size = ?")
                .params(forged, head.get("tree_size")).update();
        AuditVerification result = verify();
        jdbc.sql("UPDATE audit_tree_heads SET signature = ? WHERE tree_size = ?")
                .params(signature, head.get("tree_size")).update();
        assertThat(result.ok()).isFalse();
        assertThat(result.firstBadSeq()).isEqualTo(1);
        assertThat(result.reason()).contains("invalid signature");
        assertThat(verify().ok()).isTrue();
    }

    @Test
    void inclusionAndConsistencyProofsVerifyOfflineAgainstTheSignedHeads() {
        awaitSignedHeadCoveringEverything();
        Api auditor = newUser("auditor").api();
        Api.Response head = auditor.get("/api/audit/tree-head");
        long size = head.json().get("treeSize").asLong();
        Api.Response proof = auditor.get("/api/audit/events/3/inclusion-proof");
        assertThat(proof.status()).as(proof.toString()).isEqualTo(200);
        var json = proof.json();
        List<byte[]> path = json.get("path").valueStream().map(n -> java.util.Base64.getDecoder()
                .decode(n.asString())).toList();
        byte[] root = java.util.Base64.getDecoder().decode(json.get("treeHead").get("rootHash").asString());
        byte[] leaf = java.util.Base64.getDecoder().decode(json.get("leafHash").asString());
        assertThat(Merkle.verifyInclusion(2, json.get("treeSize").asLong(), leaf, path, root)).isTrue();
        assertThat(json.get("treeSize").asLong()).isGreaterThanOrEqualTo(size);

        long first = jdbc.sql("SELECT MIN(tree_size) FROM audit_tree_heads").query(Long.class).single();
        long second = jdbc.sql("SELECT COALESCE(MAX(tree_size), 0) FROM audit_tree_heads").query(Long.class).single();
        Api.Response consistency = auditor.get("/api/audit/consistency-proof?first=" + first + "&second=" + second);
        assertThat(consistency.status()).as(consistency.toString()).isEqualTo(200);
        var c = consistency.json();
        List<byte[]> steps = c.get("proof").valueStream().map(n -> java.util.Base64.getDecoder()
                .decode(n.asString())).toList();
        assertThat(Merkle.verifyConsistency(first, second,
                java.util.Base64.getDecoder().decode(c.get("first").get("rootHash").asString()),
                java.util.Base64.getDecoder().decode(c.get("second").get("rootHash").asString()), steps))
                .isTrue();
        assertThat(auditor.get("/api/audit/public-key").body()).contains("Ed25519").doesNotContain("privateKey");
        assertThat(newUser("clinician").api().get("/api/audit/tree-head").status()).isEqualTo(403);
    }

    @Test
    void aCanarySentInAQueryIsNeverStoredInClear() throws Exception {
        String canary = "CANARY-" + java.util.UUID.randomUUID();
        Api.Response response = newUser("clinician").api().get("/api/ping?name=" + canary + "&birthdate=1970");
        assertThat(response.status()).isEqualTo(200);
        List<Map<String, Object>> rows = jdbc.sql("SELECT * FROM audit_events").query().listOfRows();
        assertThat(rows.toString()).doesNotContain(canary).doesNotContain("CANARY");
        assertThat(jdbc.sql("SELECT query_pseudonym FROM audit_events WHERE request_id = ?")
                .param(response.header("X-Request-Id")).query(String.class).single()).hasSize(64);
        java.nio.file.Path db = storage.dataDir().resolve("safeguard.db");
        for (java.nio.file.Path file : List.of(db, java.nio.file.Path.of(db + "-wal"))) {
            if (java.nio.file.Files.exists(file)) {
                assertThat(new String(java.nio.file.Files.readAllBytes(file),
                        java.nio.charset.StandardCharsets.ISO_8859_1)).as(file.toString()).doesNotContain(canary);
            }
        }
    }

    private static Map<String, Object> withSeq(Map<String, Object> row, long seq) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>(row);
        copy.put("seq", seq);
        return copy;
    }

    void reinsert(Map<String, Object> row) {
        String columns = String.join(", ", row.keySet());
        String marks = String.join(", ", java.util.Collections.nCopies(row.size(), "?"));
        jdbc.sql("INSERT INTO audit_events (" + columns + ") VALUES (" + marks + ")")
                .params(new java.util.ArrayList<>(row.values())).update();
    }
}

@OnDatabase(Database.SQLITE)
class SqliteAuditTrailIntegrationTests extends AuditTrailIntegrationTests {
}

@OnDatabase(Database.POSTGRES)
class PostgresAuditTrailIntegrationTests extends AuditTrailIntegrationTests {
}
