package dev.safeguard.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguard.audit.internal.Merkle;
import dev.safeguard.shared.SecurityEvent.Action;
import dev.safeguard.shared.SecurityEvent.Agent;
import dev.safeguard.shared.SecurityEvent.Outcome;
import dev.safeguard.testing.Api;
import dev.safeguard.testing.Database;
import dev.safeguard.testing.OnDatabase;
import dev.safeguard.testing.ServerTest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import dev.safeguard.audit.internal.AuditLookupIndexer;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Auditors search, export and answer "who accessed this patient's records"; nobody else can. */
// The lookup indexer runs only when a test calls it, so searches run both before and after it.
@TestPropertySource(properties = "safeguard.audit.lookup-interval=PT1H")
public abstract class AuditQueriesIntegrationTests extends ServerTest {

    static final String PATIENT = "Patient/synthetic-4711";

    @Autowired
    AuditTrail trail;

    @Autowired
    AuditQueries queries;

    @Autowired
    AuditLookupIndexer indexer;

    private SignedIn auditor;
    private SignedIn clinician;

    @BeforeAll
    void accessesToAPatient() {
        auditor = newUser("auditor");
        clinician = newUser("clinician");
        Agent agent = new Agent(clinician.id(), null, List.of("clinician"), "ref", "192.0.2.10", "test");
        trail.append(new AuditEvent("rest", "GET /fhir/Observation", Action.R, Outcome.SUCCESS, 200, agent, "TREAT",
                "Observation", "obs-1", "1", PATIENT, "code=8867-4", 3, "req-1", null));
        trail.append(new AuditEvent("rest", "GET /fhir/Patient/{id}", Action.R, Outcome.SUCCESS, 200, agent,
                "ETREAT", "Patient", "synthetic-4711", "2", PATIENT, null, 1, "req-2", null));
        trail.append(new AuditEvent("rest", "GET /fhir/Patient/{id}", Action.R, Outcome.SUCCESS, 200, agent, "TREAT",
                "Patient", "someone-else", "1", "Patient/other", null, 1, "req-3", null));
    }

    @Test
    void accessReportListsWhoWhatWhenWhyWithBreakGlassFlagged() {
        Api.Response report = auditor.api().get("/api/audit/access-report?patient=" + PATIENT);
        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        JsonNode rows = report.json();
        assertThat(rows.size()).isEqualTo(2);
        assertThat(rows.get(0).get("user").asString()).isEqualTo(clinician.id());
        assertThat(rows.get(0).get("purposeOfUse").asString()).isEqualTo("TREAT");
        assertThat(rows.get(0).get("breakGlass").asBoolean()).isFalse();
        assertThat(rows.get(1).get("breakGlass").asBoolean()).isTrue();
        assertThat(rows.get(1).get("entityType").asString()).isEqualTo("Patient");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE patient_pseudonym LIKE '%synthetic%'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void lookupsByPatientUserAndClientAreCompleteBeforeAndAfterTheIndexerRuns() {
        String patient = "Patient/synthetic-" + UUID.randomUUID();
        String user = "user-" + UUID.randomUUID();
        String client = "client-" + UUID.randomUUID();
        Agent person = new Agent(user, null, List.of("clinician"), "ref", "192.0.2.11", "test");
        Agent service = new Agent(null, client, List.of(), null, "192.0.2.12", "test");
        indexer.catchUp();
        trail.append(new AuditEvent("rest", "GET /fhir/Observation", Action.R, Outcome.SUCCESS, 200, person, "TREAT",
                "Observation", "obs-9", "1", patient, null, 1, "req-9", null));
        indexer.catchUp();
        trail.append(new AuditEvent("rest", "GET /fhir/Condition", Action.R, Outcome.SUCCESS, 200, service, "TREAT",
                "Condition", "cond-9", "1", patient, null, 1, "req-10", null));
        trail.append(new AuditEvent("rest", "GET /fhir/Condition", Action.R, Outcome.SUCCESS, 200, person, "TREAT",
                "Condition", "cond-10", "1", patient, null, 1, "req-11", null));
        long max = jdbc.sql("SELECT MAX(seq) FROM audit_events").query(Long.class).single();
        assertThat(indexer.indexedThrough()).isLessThan(max);

        // Half indexed: the first event through audit_lookup, the other two by scanning the unindexed tail.
        assertThat(queries.accessReport(patient, null, null)).extracting(AuditQueries.Access::action)
                .hasSize(3);
        assertThat(search(user, null)).hasSize(2);
        assertThat(search(null, client)).hasSize(1);

        assertThat(indexer.catchUp()).isGreaterThanOrEqualTo(2);
        assertThat(indexer.indexedThrough()).isEqualTo(max);
        assertThat(indexer.catchUp()).isZero();
        String pseudonym = jdbc.sql("SELECT patient_pseudonym FROM audit_events WHERE seq = ?").param(max)
                .query(String.class).single();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_lookup WHERE lookup_key = ?").param("p:" + pseudonym)
                .query(Long.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_lookup WHERE lookup_key = ?").param("u:" + user)
                .query(Long.class).single()).isEqualTo(2);

        assertThat(queries.accessReport(patient, null, null)).hasSize(3);
        assertThat(search(user, null)).hasSize(2);
        assertThat(search(null, client)).hasSize(1);
    }

    private List<AuditRecord> search(String user, String client) {
        return queries.search(new AuditQuery(null, null, user, client, null, null, null, null, null, 0, 100)).items();
    }

    @Test
    void searchFiltersByUserAndOutcomeAndPages() {
        clinician.api().get("/api/users");
        Api.Response page = auditor.api().get("/api/audit/events?user=" + clinician.id()
                + "&outcome=MINOR_FAILURE&size=1");
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        JsonNode items = page.json().get("items");
        assertThat(items.size()).isEqualTo(1);
        assertThat(items.get(0).get("agentUser").asString()).isEqualTo(clinician.id());
        assertThat(items.get(0).get("status").asInt()).isEqualTo(403);
        Api.Response all = auditor.api().get("/api/audit/events?user=" + clinician.id() + "&size=500");
        all.json().get("items").forEach(item -> assertThat(item.get("agentUser").asString()).isEqualTo(clinician.id()));
    }

    @Test
    void csvAndJsonLinesExportsCarryEveryEventAndProofsThatVerify() {
        clock.advance(Duration.ofSeconds(11));
        awaitHead();
        Api.Response csv = auditor.api().send(auditor.api().request("/api/audit/events/export?format=csv")
                .setHeader("Accept", "text/csv").GET());
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(csv.body()).startsWith("seq,eventId,recorded,type,subtype");
        long exported = csv.body().lines().count() - 1;
        assertThat(exported).isPositive().isLessThanOrEqualTo(count("audit_events"));
        assertThat(csv.body()).contains(clinician.id()).doesNotContain(PATIENT);

        Api.Response jsonl = auditor.api().send(auditor.api().request("/api/audit/events/export?format=jsonl")
                .setHeader("Accept", "application/jsonl").GET());
        assertThat(jsonl.status()).as(jsonl.toString()).isEqualTo(200);
        List<String> lines = jsonl.body().lines().toList();
        JsonNode header = Api.JSON.readTree(lines.get(0));
        byte[] root = Base64.getDecoder().decode(header.get("treeHead").get("rootHash").asString());
        long size = header.get("treeHead").get("treeSize").asLong();
        int verified = 0;
        for (String line : lines.subList(1, lines.size())) {
            JsonNode node = Api.JSON.readTree(line);
            if (!node.has("inclusionProof")) {
                continue;
            }
            byte[] leaf = java.util.HexFormat.of().parseHex(node.get("event").get("leafHash").asString());
            List<byte[]> path = node.get("inclusionProof").get("path").valueStream()
                    .map(p -> Base64.getDecoder().decode(p.asString())).toList();
            assertThat(Merkle.verifyInclusion(node.get("inclusionProof").get("leafIndex").asLong(), size, leaf, path,
                    root)).as(line).isTrue();
            verified++;
        }
        assertThat(verified).isEqualTo((int) size);
    }

    @Test
    void fhirExportIsABundleOfBalpShapedAuditEventsWithoutPatientReferences() {
        Api.Response fhir = auditor.api().send(auditor.api().request("/api/audit/events/export?format=fhir&patient="
                + PATIENT).setHeader("Accept", "application/fhir+json").GET());
        assertThat(fhir.status()).as(fhir.toString()).isEqualTo(200);
        JsonNode bundle = Api.JSON.readTree(fhir.body());
        assertThat(bundle.get("resourceType").asString()).isEqualTo("Bundle");
        assertThat(bundle.get("entry").size()).isEqualTo(2);
        JsonNode event = bundle.get("entry").get(1).get("resource");
        assertThat(event.get("resourceType").asString()).isEqualTo("AuditEvent");
        assertThat(event.get("action").asString()).isEqualTo("R");
        assertThat(event.get("outcome").asString()).isEqualTo("0");
        assertThat(event.get("purposeOfEvent").get(0).get("coding").get(0).get("code").asString())
                .isEqualTo("ETREAT");
        assertThat(event.get("agent").get(0).get("network").get("address").asString()).isEqualTo("192.0.2.10");
        assertThat(fhir.body()).doesNotContain(PATIENT).contains("patient-pseudonym");
    }

    @Test
    void badQueries_areRefused() {
        Api api = auditor.api();
        for (String query : List.of("from=yesterday", "size=100000", "size=0", "page=-1", "action=X",
                "outcome=MAYBE", "unknownField=1", "from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z")) {
            Api.Response refused = api.get("/api/audit/events?" + query);
            assertThat(refused.status()).as(query + " " + refused).isEqualTo(400);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(api.get("/api/audit/events/export?format=xlsx").status()).isEqualTo(400);
        assertThat(api.get("/api/audit/access-report").status()).isEqualTo(400);
    }

    @Test
    void onlyAuditorsAndSecurityOfficersReadTheTrail_isRefused() {
        assertThat(clinician.api().get("/api/audit/events").status()).isEqualTo(403);
        assertThat(clinician.api().get("/api/audit/access-report?patient=" + PATIENT).status()).isEqualTo(403);
        assertThat(client().get("/api/audit/events").status()).isEqualTo(401);
        assertThat(asOfficer().get("/api/audit/events").status()).isEqualTo(200);
    }

    private void awaitHead() {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            Long max = jdbc.sql("SELECT COALESCE(MAX(seq), 0) FROM audit_events").query(Long.class).single();
            Long head = jdbc.sql("SELECT COALESCE(MAX(tree_size), 0) FROM audit_tree_heads").query(Long.class)
                    .single();
            if (head > 0 && head >= max - 1) {
                return;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        throw new AssertionError("no tree head");
    }
}

@OnDatabase(Database.SQLITE)
class SqliteAuditQueriesIntegrationTests extends AuditQueriesIntegrationTests {
}

@OnDatabase(Database.POSTGRES)
class PostgresAuditQueriesIntegrationTests extends AuditQueriesIntegrationTests {
}
