package dev.safeguard.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.PublicKeyVerify;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.signature.SignatureConfig;
import dev.safeguard.program.evidence.EvidenceStore;
import dev.safeguard.program.evidence.SignedFields;
import dev.safeguard.testing.Api;
import dev.safeguard.testing.Database;
import dev.safeguard.testing.OnDatabase;
import dev.safeguard.testing.ServerTest;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The compliance program over HTTPS on a real database: the catalog in both views, controls recorded only as new
 * versions, 164.306(d) decisions that cannot depart from an addressable specification without a rationale and an
 * approver, the technical safeguards seeded from what the vault does, and evidence that is sealed, signed, immutable,
 * retained, and whose tampering (content or metadata changed with SQL) is detected. Roles: officers write, auditors
 * read, clinicians get nothing. Every change is audited.
 */
public abstract class ProgramIntegrationTests extends ServerTest {

    static final String LOGOFF = "/api/program/controls/164.312(a)(2)(iii)";
    static final String SECURITY_REMINDERS = "164.308(a)(5)(ii)(A)";

    @Autowired
    Evidence evidence;
    @Autowired
    EvidenceStore evidenceStore;

    @Test
    void theCatalogIsServedAsInForceAndAsProposed() {
        Api api = newUser("auditor").api();
        Api.Response current = api.get("/api/program/catalog");
        assertThat(current.status()).as(current.toString()).isEqualTo(200);
        assertThat(current.json().get("count").asInt()).isEqualTo(new Catalog().specifications(CatalogView.CURRENT)
                .size());
        JsonNode logoff = api.get("/api/program/catalog/164.312(a)(2)(iii)").json();
        assertThat(logoff.get("status").asString()).isEqualTo("addressable");
        assertThat(logoff.get("category").asString()).isEqualTo("technical");
        Api.Response proposed = api.get("/api/program/catalog?view=proposed");
        List<String> statuses = new ArrayList<>();
        proposed.json().get("specifications").forEach(s -> statuses.add(s.get("status").asString()));
        assertThat(statuses).isNotEmpty().containsOnly("required");
        assertThat(proposed.json().get("source").asString()).contains("90 FR 898");
        Api.Response bad = api.get("/api/program/catalog?view=draft");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.header("Content-Type")).contains("application/problem+json");
        assertThat(api.get("/api/program/catalog/164.999(z)").status()).isEqualTo(404);
    }

    @Test
    void auditorsReadButDoNotWriteAndClinicsGetNothing() {
        Api auditor = newUser("auditor").api();
        assertThat(auditor.get("/api/program/controls").status()).isEqualTo(200);
        assertThat(auditor.get("/api/program/evidence").status()).isEqualTo(200);
        Api.Response refused = auditor.post(LOGOFF + "/versions", Api.map("status", "planned"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Content-Type")).contains("application/problem+json");
        assertThat(auditor.post("/api/program/evidence", jsonEvidence(SECURITY_REMINDERS, "x")).status())
                .isEqualTo(403);
        Api clinician = newUser("clinician").api();
        for (String path : List.of("/api/program/catalog", "/api/program/controls", "/api/program/evidence",
                "/program/catalog")) {
            assertThat(clinician.get(path).status()).as(path).isEqualTo(403);
        }
        assertThat(clinician.post(LOGOFF + "/versions", Api.map("status", "planned")).status()).isEqualTo(403);
    }

    @Test
    void theTechnicalSafeguardsStartFromWhatTheVaultDoes() {
        Api api = asOfficer();
        List<Map<String, String>> seeded = new ArrayList<>();
        for (JsonNode c : api.get("/api/program/controls").json()) {
            JsonNode current = c.get("current");
            if (c.get("specification").get("id").asString().startsWith("164.312")) {
                assertThat(current.get("version").asInt()).as(c.toString()).isEqualTo(1);
                assertThat(current.get("status").asString()).isEqualTo("implemented");
                assertThat(current.get("recordedBy").asString()).isEqualTo("safeguard");
                seeded.add(Map.of(c.get("specification").get("id").asString(),
                        current.get("implementation").asString()));
            } else if (c.get("specification").get("id").asString().startsWith("164.316")) {
                // No test touches 164.316: untouched controls are version 0, not started.
                assertThat(current.get("version").asInt()).isZero();
                assertThat(current.get("status").asString()).isEqualTo("not-started");
            }
        }
        assertThat(seeded).hasSize(9);
        String all = seeded.toString();
        assertThat(all).contains("unique username", "break-glass", "15 minutes", "AES-256-GCM", "per-patient",
                "Merkle", "HMAC-SHA256", "TOTP", "TLS 1.3", "TLS 1.2");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE type = 'program-control' AND subtype = 'seed'")
                .query(Long.class).single()).isEqualTo(9);
    }

    @Test
    void aDepartureFromAnAddressableSpecificationNeedsARationaleAndAnApprover_elseNothingChanges() {
        SignedIn compliance = newUser("compliance-officer");
        Api api = compliance.api();
        String path = "/api/program/controls/" + SECURITY_REMINDERS;
        long versions = count("program_control_versions");
        long decisions = count("program_decision_versions");
        long events = count("audit_events WHERE type LIKE 'program-%'");
        SignedIn clinician = newUser("clinician");
        List<Map<String, Object>> bad = List.of(
                Api.map("decision", "equivalent-alternative", "alternative", "Monthly e-mail digest",
                        "approverId", compliance.id()),
                Api.map("decision", "equivalent-alternative", "rationale", "Small practice, one office",
                        "alternative", "Monthly e-mail digest"),
                Api.map("decision", "not-reasonable-and-appropriate", "approverId", compliance.id()),
                Api.map("decision", "not-reasonable-and-appropriate", "rationale", "  ", "approverId", compliance.id()),
                Api.map("decision", "equivalent-alternative", "rationale", "Small practice",
                        "approverId", compliance.id()),
                Api.map("decision", "not-reasonable-and-appropriate", "rationale", "No workforce",
                        "approverId", clinician.id()),
                Api.map("decision", "not-reasonable-and-appropriate", "rationale", "No workforce",
                        "approverId", "no-such-user"),
                Api.map("decision", "implement", "approverId", compliance.id(),
                        "decidedOn", LocalDate.now(clock).plusDays(3).toString()),
                Api.map("decision", "skip", "rationale", "x", "approverId", compliance.id()));
        for (Map<String, Object> body : bad) {
            Api.Response r = api.post(path + "/decisions", body);
            assertThat(r.status()).as(body.toString()).isEqualTo(400);
            assertThat(r.header("Content-Type")).contains("application/problem+json");
            // The same decision carried by a control version is refused as a whole: no version either.
            Api.Response v = api.post(path + "/versions", Api.map("status", "implemented", "ownerId", compliance.id(),
                    "implementation", "Reminders by e-mail", "decision", body));
            assertThat(v.status()).as(body.toString()).isEqualTo(400);
        }
        // Required specifications take no 164.306(d) decision.
        assertThat(api.post("/api/program/controls/164.308(a)(1)(ii)(A)/decisions", Api.map("decision", "implement",
                "approverId", compliance.id())).status()).isEqualTo(400);
        assertThat(count("program_control_versions")).isEqualTo(versions);
        assertThat(count("program_decision_versions")).isEqualTo(decisions);
        assertThat(count("audit_events WHERE type LIKE 'program-%'")).isEqualTo(events);

        Api.Response recorded = api.post(path + "/versions", Api.map("status", "implemented",
                "ownerId", compliance.id(), "implementation", "Security reminders in the monthly staff e-mail",
                "decision", Api.map("decision", "equivalent-alternative",
                        "rationale", "A three-person practice: a monthly e-mail reaches everyone",
                        "alternative", "Monthly e-mail digest with one security topic", "approverId", officer().id())));
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        JsonNode control = api.get(path).json();
        assertThat(control.get("control").get("current").get("status").asString()).isEqualTo("implemented");
        JsonNode decision = control.get("control").get("decision");
        assertThat(decision.get("decision").asString()).isEqualTo("equivalent-alternative");
        assertThat(decision.get("approverId").asString()).isEqualTo(officer().id());
        assertThat(decision.get("decidedOn").asString()).isEqualTo(LocalDate.now(clock.withZone(ZoneOffset.UTC))
                .toString());
        assertThat(control.get("control").get("decisionMissing").asBoolean()).isFalse();
        assertThat(jdbc.sql("SELECT type FROM audit_events WHERE entity_id = ? ORDER BY seq").param(SECURITY_REMINDERS)
                .query(String.class).list()).containsExactly("program-decision", "program-control");
    }

    @Test
    void controlsChangeOnlyByNewVersionsAndKeepEveryVersion() {
        SignedIn compliance = newUser("compliance-officer");
        Api api = compliance.api();
        String path = "/api/program/controls/164.310(d)(2)(i)";
        Api.Response first = api.post(path + "/versions", Api.map("status", "planned", "ownerId", compliance.id(),
                "nextReviewOn", LocalDate.now(clock).plusMonths(6).toString()));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.json().get("version").asInt()).isEqualTo(1);
        Api.Response second = api.post(path + "/versions", Api.map("status", "implemented", "ownerId",
                compliance.id(), "implementation", "Drives shredded by a certified vendor", "baseVersion", 1));
        assertThat(second.json().get("version").asInt()).isEqualTo(2);
        Api.Response stale = api.post(path + "/versions", Api.map("status", "planned", "baseVersion", 1));
        assertThat(stale.status()).isEqualTo(409);
        JsonNode history = api.get(path + "/versions").json();
        assertThat(history).hasSize(2);
        assertThat(history.get(1).get("status").asString()).isEqualTo("planned");
        assertThat(api.get(path + "/versions/1").json().get("status").asString()).isEqualTo("planned");

        for (Map<String, Object> bad : List.of(Api.map("status", "done"),
                Api.map("status", "not-applicable"),
                Api.map("status", "planned", "notApplicableReason", "because"),
                Api.map("status", "planned", "ownerId", "nobody"),
                Api.map("status", "planned", "nextReviewOn", "2001-01-01"),
                Api.map("status", "planned", "evidenceIds", List.of("no-such-evidence")),
                Api.map("status", "planned", "unknownField", 1))) {
            Api.Response r = api.post(path + "/versions", bad);
            assertThat(r.status()).as(bad.toString()).isEqualTo(400);
            assertThat(r.header("Content-Type")).contains("application/problem+json");
        }
        // An addressable control is not applicable only under a decision that it is not reasonable and appropriate.
        String addressable = "/api/program/controls/164.310(a)(2)(iv)";
        assertThat(api.post(addressable + "/versions", Api.map("status", "not-applicable",
                "notApplicableReason", "No facility of our own")).status()).isEqualTo(400);
        assertThat(api.post(addressable + "/decisions", Api.map("decision", "not-reasonable-and-appropriate",
                "rationale", "Hosted in a colocation facility under its BAA", "approverId", compliance.id()))
                .status()).isEqualTo(201);
        assertThat(api.post(addressable + "/versions", Api.map("status", "not-applicable",
                "notApplicableReason", "No facility of our own")).status()).isEqualTo(201);

        assertThat(jdbc.sql("SELECT subtype FROM audit_events WHERE type = 'program-control' AND entity_id = ? "
                + "ORDER BY seq").param("164.310(d)(2)(i)").query(String.class).list()).containsExactly("version",
                "version");
        assertThatThrownBy(() -> jdbc.sql("UPDATE program_control_versions SET status = 'implemented' WHERE "
                + "control_id = '164.310(d)(2)(i)'").update()).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM program_decision_versions").update())
                .isInstanceOf(RuntimeException.class);
        assertThat(api.delete(path).status()).isEqualTo(405);
    }

    @Test
    void evidenceIsSealedSignedAndVerifiesOfflineWithThePublishedKey() throws Exception {
        Api api = newUser("compliance-officer").api();
        String marker = "attestation-marker-" + System.nanoTime();
        Api.Response created = api.post("/api/program/evidence", jsonEvidence("164.308(a)(5)(ii)(D)", marker));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.text("id");
        byte[] stored = jdbc.sql("SELECT content FROM program_evidence WHERE id = ?").param(id)
                .query((rs, n) -> rs.getBytes(1)).single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(marker);
        Api.Response content = api.get("/api/program/evidence/" + id + "/content");
        assertThat(content.body()).contains(marker);
        assertThat(created.text("contentSha256")).isEqualTo(Evidence.sha256(content.body()
                .getBytes(StandardCharsets.UTF_8)));
        assertThat(created.json().get("retainUntil").asString()).startsWith(
                Integer.toString(clock.instant().atZone(ZoneOffset.UTC).getYear() + 6));

        JsonNode verification = api.get("/api/program/evidence/" + id + "/verification").json();
        assertThat(verification.get("valid").asBoolean()).as(verification.toString()).isTrue();
        // Offline: the published public key verifies the signature over the recorded fields.
        SignatureConfig.register();
        PublicKeyVerify verifier = TinkJsonProtoKeysetFormat.parseKeysetWithoutSecret(
                api.get("/api/program/evidence/signing-key").body())
                .getPrimitive(RegistryConfiguration.get(), PublicKeyVerify.class);
        verifier.verify(Base64.getDecoder().decode(created.text("signature")),
                SignedFields.of(evidenceStore.find(id).orElseThrow()));

        // A file upload, and automated-check evidence through the Java API for checks.
        byte[] pdf = ("%PDF-1.7 training roster " + marker).getBytes(StandardCharsets.UTF_8);
        Api.Response file = api.send(api.request("/api/program/evidence/files?controls=164.308(a)(5)(ii)(A)"
                        + "&kind=document&result=pass&fileName=roster.pdf&details=" + enc("Training roster Q3"))
                .header("Content-Type", "application/pdf").POST(HttpRequest.BodyPublishers.ofByteArray(pdf)));
        assertThat(file.status()).as(file.toString()).isEqualTo(201);
        assertThat(file.text("mediaType")).isEqualTo("application/pdf");
        EvidenceRecord check = evidence.record("audit.chain-verified", new EvidenceDraft(List.of("164.312(b)"),
                EvidenceKind.AUTOMATED_CHECK, clock.instant().minus(Duration.ofHours(1)), clock.instant(),
                EvidenceResult.PASS, "Audit trail verified", "{\"events\":12}".getBytes(StandardCharsets.UTF_8),
                "application/json", null, null));
        assertThat(check.collectorType()).isEqualTo("check");
        assertThat(check.fresh()).isTrue();
        assertThat(evidence.verify(check.id()).valid()).isTrue();
        // Freshness follows the server's clock: automated-check evidence is fresh for 30 days by default.
        clock.advance(Duration.ofDays(31));
        assertThat(evidence.get(check.id()).fresh()).isFalse();
        assertThat(evidence.verify(check.id()).valid()).isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE type = 'program-evidence' AND subtype = 'record'")
                .query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void aChangedByteInStoredContentOrMetadataIsDetected() {
        Api api = newUser("compliance-officer").api();
        String content = api.post("/api/program/evidence", jsonEvidence("164.308(a)(1)(ii)(A)", "risk")).text("id");
        String details = api.post("/api/program/evidence", jsonEvidence("164.308(a)(1)(ii)(A)", "risk")).text("id");
        String time = api.post("/api/program/evidence", jsonEvidence("164.308(a)(1)(ii)(A)", "risk")).text("id");
        String linked = api.post("/api/program/evidence", jsonEvidence("164.308(a)(1)(ii)(A)", "risk")).text("id");
        String untouched = api.post("/api/program/evidence", jsonEvidence("164.308(a)(1)(ii)(A)", "risk")).text("id");
        assertThatThrownBy(() -> jdbc.sql("UPDATE program_evidence SET details = 'x' WHERE id = ?").param(details)
                .update()).as("the database refuses updates").isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM program_evidence WHERE id = ?").param(details).update())
                .as("and deletes").isInstanceOf(RuntimeException.class);

        withoutUpdateTrigger(() -> {
            byte[] sealed = jdbc.sql("SELECT content FROM program_evidence WHERE id = ?").param(content)
                    .query((rs, n) -> rs.getBytes(1)).single();
            sealed[sealed.length / 2] ^= 0x01;
            jdbc.sql("UPDATE program_evidence SET content = ? WHERE id = ?").params(sealed, content).update();
            jdbc.sql("UPDATE program_evidence SET details = 'All staff trained' WHERE id = ?").param(details).update();
            jdbc.sql("UPDATE program_evidence SET collected_at = collected_at + 1 WHERE id = ?").param(time).update();
        });
        jdbc.sql("INSERT INTO program_evidence_controls (evidence_id, control_id) VALUES (?, '164.312(b)')")
                .param(linked).update();

        JsonNode c = api.get("/api/program/evidence/" + content + "/verification").json();
        assertThat(c.get("valid").asBoolean()).isFalse();
        assertThat(c.get("contentIntact").asBoolean()).isFalse();
        assertThat(api.get("/api/program/evidence/" + content + "/content").status()).isEqualTo(409);
        for (String id : List.of(details, time, linked)) {
            JsonNode v = api.get("/api/program/evidence/" + id + "/verification").json();
            assertThat(v.get("valid").asBoolean()).as(id).isFalse();
            assertThat(v.get("signatureValid").asBoolean()).as(id).isFalse();
            assertThat(v.get("contentIntact").asBoolean()).as(id).isTrue();
        }
        assertThat(api.get("/api/program/evidence/" + untouched + "/verification").json().get("valid").asBoolean())
                .isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE type = 'program-evidence' AND subtype = 'verify' "
                + "AND outcome = 'SERIOUS_FAILURE'").query(Long.class).single()).isEqualTo(4);
    }

    @Test
    void evidenceOfASeriesSupersedesOnlyItsOwnSeries_whoeverMadeIt_andItsSeriesIsSigned() {
        String control = "164.316(b)(2)(iii)";
        EvidenceDraft draft = new EvidenceDraft(List.of(control), EvidenceKind.EXPORT, null, null, EvidenceResult.PASS,
                "a report", "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/json", null, null);
        EvidenceRecord firstA = evidence.produce("series-test", draft.inSeries("doc:a"));
        EvidenceRecord onlyB = evidence.produce("series-test", draft.inSeries("doc:b"));
        clock.advance(Duration.ofMinutes(1));
        EvidenceRecord secondA = evidence.produce("other-component", draft.inSeries("doc:a"));
        assertThat(evidence.get(firstA.id()).supersededFor()).as("a newer version of its series, by another")
                .containsExactly(control);
        assertThat(evidence.get(onlyB.id()).supersededFor()).as("another series by the same collector").isEmpty();
        assertThat(evidence.get(secondA.id()).supersededFor()).isEmpty();
        assertThat(secondA.collectorType()).isEqualTo("system");
        assertThat(evidence.verify(secondA.id()).valid()).isTrue();
        withoutUpdateTrigger(() -> jdbc.sql("UPDATE program_evidence SET series = NULL WHERE id = ?")
                .param(onlyB.id()).update());
        assertThat(evidence.verify(onlyB.id()).signatureValid()).as("the series is signed").isFalse();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM program_evidence WHERE series = 'doc:a'").query(Long.class).single())
                .isEqualTo(2);
        assertThatThrownBy(() -> evidence.produce("series-test", new EvidenceDraft(List.of(control),
                EvidenceKind.ATTESTATION, null, null, EvidenceResult.PASS, "x", new byte[] {1}, "text/plain", null,
                null))).as("Safeguard attests nothing").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void newerEvidenceSupersedesOlderOfTheSameCollectorAndNothingIsDeleted() {
        Api api = newUser("compliance-officer").api();
        Api other = newUser("security-officer").api();
        String control = "164.310(b)";
        String older = api.post("/api/program/evidence", jsonEvidence(control, "v1")).text("id");
        String others = other.post("/api/program/evidence", jsonEvidence(control, "other")).text("id");
        clock.advance(Duration.ofMinutes(1));
        String newer = api.post("/api/program/evidence", jsonEvidence(control, "v2")).text("id");
        assertThat(api.get("/api/program/evidence/" + older).json().get("supersededFor").toString()).contains(control);
        assertThat(api.get("/api/program/evidence/" + others).json().get("supersededFor")).isEmpty();
        List<String> current = ids(api.get("/api/program/evidence?control=" + control));
        assertThat(current).contains(newer, others).doesNotContain(older);
        assertThat(ids(api.get("/api/program/evidence?control=" + control + "&superseded=true")))
                .contains(newer, others, older);
        Api.Response deleted = api.delete("/api/program/evidence/" + older);
        assertThat(deleted.status()).isEqualTo(405);
        assertThat(deleted.header("Content-Type")).contains("application/problem+json");
        assertThat(api.get("/api/program/evidence/" + older).status()).isEqualTo(200);
        // Evidence can be linked from a control version of a control it covers, not of another.
        assertThat(api.post("/api/program/controls/" + control + "/versions", Api.map("status", "implemented",
                "evidenceIds", List.of(newer))).status()).isEqualTo(201);
        assertThat(api.post("/api/program/controls/164.310(c)/versions", Api.map("status", "implemented",
                "evidenceIds", List.of(newer))).status()).isEqualTo(400);
    }

    @Test
    void badEvidenceIsRefusedWithAProblem() {
        Api api = newUser("compliance-officer").api();
        long before = count("program_evidence");
        List<Map<String, Object>> bad = new ArrayList<>();
        bad.add(with(jsonEvidence("164.999(a)", "x"), "controls", List.of("164.999(a)")));
        bad.add(with(jsonEvidence(SECURITY_REMINDERS, "x"), "kind", "automated-check"));
        bad.add(with(jsonEvidence(SECURITY_REMINDERS, "x"), "result", "maybe"));
        bad.add(with(jsonEvidence(SECURITY_REMINDERS, "x"), "details", " "));
        bad.add(with(jsonEvidence(SECURITY_REMINDERS, "x"), "controls", List.of()));
        bad.add(with(jsonEvidence(SECURITY_REMINDERS, "x"), "observedTo",
                clock.instant().plus(Duration.ofDays(1)).toString()));
        bad.add(with(jsonEvidence(SECURITY_REMINDERS, "x"), "expiresAt",
                clock.instant().minus(Duration.ofDays(1)).toString()));
        for (Map<String, Object> body : bad) {
            Api.Response r = api.post("/api/program/evidence", body);
            assertThat(r.status()).as(body.toString()).isEqualTo(400);
            assertThat(r.header("Content-Type")).contains("application/problem+json");
        }
        Api.Response tooLarge = api.send(api.request("/api/program/evidence/files?controls=" + SECURITY_REMINDERS
                        + "&kind=document&result=pass&details=big").header("Content-Type", "application/pdf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[10 * 1024 * 1024 + 1])));
        assertThat(tooLarge.status()).isEqualTo(413);
        Api.Response empty = api.send(api.request("/api/program/evidence/files?controls=" + SECURITY_REMINDERS
                + "&kind=document&result=pass&details=empty").header("Content-Type", "application/pdf")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(api.get("/api/program/evidence/no-such-id").status()).isEqualTo(404);
        assertThat(count("program_evidence")).isEqualTo(before);
    }

    @Test
    void theOpenApiDescriptionListsTheProgramApi() {
        Api.Response openapi = asOfficer().get("/api/openapi");
        assertThat(openapi.status()).isEqualTo(200);
        JsonNode paths = openapi.json().get("paths");
        for (String path : List.of("/api/program/catalog", "/api/program/catalog/{id}", "/api/program/controls",
                "/api/program/controls/{id}", "/api/program/controls/{id}/versions",
                "/api/program/controls/{id}/decisions", "/api/program/evidence", "/api/program/evidence/files",
                "/api/program/evidence/{id}", "/api/program/evidence/{id}/verification",
                "/api/program/evidence/{id}/content", "/api/program/evidence/signing-key")) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
        assertThat(paths.get("/api/program/controls/{id}/decisions").has("post")).isTrue();
    }

    // ---- helpers

    static Map<String, Object> jsonEvidence(String control, String marker) {
        return Api.map("controls", List.of(control), "kind", "attestation", "result", "pass",
                "details", "Workforce attestation collected", "content", Api.map("attestation", marker,
                        "signedBy", "synthetic workforce member"));
    }

    private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        body.put(key, value);
        return body;
    }

    private static List<String> ids(Api.Response list) {
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        list.json().forEach(e -> ids.add(e.get("id").asString()));
        return ids;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Lets the test alter evidence as an attacker with SQL access would: around the append-only trigger. */
    private void withoutUpdateTrigger(Runnable tamper) {
        if (getClass().getAnnotation(OnDatabase.class).value() == Database.POSTGRES) {
            jdbc.sql("ALTER TABLE program_evidence DISABLE TRIGGER program_evidence_append_only").update();
            tamper.run();
            jdbc.sql("ALTER TABLE program_evidence ENABLE TRIGGER program_evidence_append_only").update();
        } else {
            jdbc.sql("DROP TRIGGER program_evidence_immutable").update();
            tamper.run();
            jdbc.sql("CREATE TRIGGER program_evidence_immutable BEFORE UPDATE ON program_evidence "
                    + "BEGIN SELECT RAISE(ABORT, 'evidence is immutable'); END").update();
        }
    }
}

@OnDatabase(Database.SQLITE)
class SqliteProgramIntegrationTests extends ProgramIntegrationTests {
}

@OnDatabase(Database.POSTGRES)
class PostgresProgramIntegrationTests extends ProgramIntegrationTests {
}
