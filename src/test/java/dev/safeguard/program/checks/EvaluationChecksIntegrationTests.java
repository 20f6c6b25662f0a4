package dev.safeguard.program.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguard.access.BreakGlass;
import dev.safeguard.audit.AlertSettings;
import dev.safeguard.audit.AuditIntegrity;
import dev.safeguard.audit.SyslogSettings;
import dev.safeguard.crypto.KeyManagement;
import dev.safeguard.identity.IdentityFacts;
import dev.safeguard.identity.IdentitySettings;
import dev.safeguard.platform.StorageSettings;
import dev.safeguard.program.CheckRun;
import dev.safeguard.program.Evaluation;
import dev.safeguard.program.Evidence;
import dev.safeguard.program.EvidenceResult;
import dev.safeguard.program.RiskPosture;
import dev.safeguard.records.RecordIntegrity;
import dev.safeguard.testing.Api;
import dev.safeguard.testing.Database;
import dev.safeguard.testing.OnDatabase;
import dev.safeguard.testing.ServerTest;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Every evaluation check passes on a correctly configured instance and fails when its subject is broken, against the
 * real system; each run is signed evidence and a failure opens a finding that the next pass closes. Checks whose
 * subject is configuration fixed at start-up are also run on the same beans with the setting broken (real settings
 * objects, no mocks).
 */
public abstract class EvaluationChecksIntegrationTests extends ServerTest {

    @Autowired
    Evaluation evaluation;
    @Autowired
    Evidence evidence;
    @Autowired
    IdentityFacts identityFacts;
    @Autowired
    IdentitySettings identitySettings;
    @Autowired
    RecordIntegrity records;
    @Autowired
    KeyManagement keys;
    @Autowired
    AuditIntegrity audit;
    @Autowired
    AlertSettings alertSettings;
    @Autowired
    ObjectProvider<SyslogSettings> syslog;
    @Autowired
    BreakGlass breakGlass;
    @Autowired
    RiskPosture risks;

    private String result(String check) {
        CheckRun run = evaluation.run(check);
        assertThat(evidence.verify(run.evidenceId()).valid()).as("the run's evidence verifies").isTrue();
        return run.result();
    }

    @Test
    void thereAreAtLeastFifteenChecksEachMappedToSpecifications() {
        assertThat(evaluation.list()).hasSizeGreaterThanOrEqualTo(15)
                .allSatisfy(c -> assertThat(c.controls()).isNotEmpty().allMatch(s -> s.startsWith("164.3")));
        Api.Response listed = asOfficer().get("/api/program/checks");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().size()).isEqualTo(evaluation.list().size());
        assertThat(newUser("clinician").api().post("/api/program/checks/run").status()).isEqualTo(403);
    }

    @Test
    void mfa_failsForAnActiveAccountWithoutASecondFactor_andTheFindingClosesOnceItEnrolls() {
        asOfficer();
        assertThat(result("identity.mfa")).isEqualTo("pass");
        String password = "a long passphrase for pending";
        Api.Response created = asOfficer().post("/api/users", Api.map("username", "pending" + UUID.randomUUID()
                .toString().substring(0, 8), "displayName", "Pending Person", "password", password,
                "roles", List.of("clinician")));
        assertThat(result("identity.mfa")).isEqualTo("fail");
        assertThat(evaluation.findings(true)).anyMatch(f -> f.checkId().equals("identity.mfa"));
        enroll(client(), created.text("id"), created.text("username"), password);
        assertThat(result("identity.mfa")).isEqualTo("pass");
        assertThat(evaluation.findings(true)).noneMatch(f -> f.checkId().equals("identity.mfa"));
    }

    @Test
    void uniqueAccounts_failsForAGenericName() {
        asOfficer();
        assertThat(IdentityChecks.GENERIC.matcher("frontdesk2").matches()).isTrue();
        assertThat(IdentityChecks.GENERIC.matcher("jsmith").matches()).isFalse();
        String before = result("identity.unique-accounts");
        Api.Response created = asOfficer().post("/api/users", Api.map("username", "frontdesk", "displayName",
                "Front desk", "password", "a long passphrase for the desk", "roles", List.of("staff")));
        assertThat(created.status()).isEqualTo(201);
        assertThat(result("identity.unique-accounts")).isEqualTo("fail");
        asOfficer().post("/api/users/" + created.text("id") + "/terminate");
        assertThat(result("identity.unique-accounts")).isEqualTo(before);
    }

    @Test
    void sessionTimeouts_passAsConfiguredAndFailWhenLonger() {
        assertThat(result("identity.session-timeouts")).isEqualTo("pass");
        IdentitySettings lax = new IdentitySettings(Duration.ofMinutes(30), Duration.ofHours(20), 1, 4, 100, null);
        assertThat(new IdentityChecks(identityFacts, lax).checks().stream()
                .filter(c -> c.id().equals("identity.session-timeouts")).findFirst().orElseThrow().probe().get()
                .result()).isEqualTo(EvidenceResult.FAIL);
    }

    @Test
    void termination_failsWhenATerminatedUserStillHoldsAKey() {
        SignedIn leaver = newUser("security-officer");
        String clientId = asOfficer().post("/api/service-clients", Api.map("name", "leaver app", "ownerId",
                leaver.id(), "scopes", List.of("system/*.read"), "expiresInDays", 30)).json().get("client").get("id")
                .asString();
        assertThat(asOfficer().post("/api/users/" + leaver.id() + "/terminate").status()).isEqualTo(200);
        assertThat(result("identity.termination")).isEqualTo("pass");
        jdbc.sql("UPDATE service_clients SET revoked_at = NULL WHERE id = ?").param(clientId).update();
        assertThat(result("identity.termination")).isEqualTo("fail");
        jdbc.sql("UPDATE service_clients SET revoked_at = ? WHERE id = ?").params(clock.millis(), clientId).update();
        assertThat(result("identity.termination")).isEqualTo("pass");
    }

    @Test
    void passwordPolicy_passesWithTheNistRules() {
        assertThat(result("identity.password-policy")).isEqualTo("pass");
        assertThat(identityFacts.passwordRules().commonPasswords()).isGreaterThanOrEqualTo(10_000);
    }

    @Test
    void expiredApiKeys_failWhenAKeyExpiresUnrevoked_andPassOnceRevoked() {
        revokeExpiredKeys();
        asOfficer().post("/api/service-clients", Api.map("name", "short-lived", "scopes", List.of("system/*.read"),
                "expiresInDays", 1));
        assertThat(result("identity.expired-api-keys")).isEqualTo("pass");
        clock.advance(Duration.ofDays(2));
        assertThat(result("identity.expired-api-keys")).isEqualTo("fail");
        revokeExpiredKeys();
        assertThat(result("identity.expired-api-keys")).isEqualTo("pass");
    }

    private void revokeExpiredKeys() {
        Api officer = signIn(officer());
        officer.get("/api/service-clients").json().forEach(c -> {
            if (c.get("state").asString().equals("expired")) {
                assertThat(officer.delete("/api/service-clients/" + c.get("id").asString()).status()).isEqualTo(200);
            }
        });
    }

    @Test
    void tls_passesOnTheLiveListener() {
        assertThat(result("platform.tls")).isEqualTo("pass");
        assertThat(TlsCheck.aead("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256")).isFalse();
        assertThat(TlsCheck.aead("TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384")).isTrue();
    }

    @Test
    void encryptionAtRest_failsWhenAVersionIsStoredInClear() {
        String key = asOfficer().post("/api/service-clients", Api.map("name", "writer", "scopes",
                List.of("system/*.write"), "expiresInDays", 5)).text("apiKey");
        Api writer = client().bearer(key);
        Api.Response created = writer.send(writer.request("/fhir/Patient").header("Content-Type",
                "application/fhir+json").POST(HttpRequest.BodyPublishers.ofString("{\"resourceType\":\"Patient\","
                + "\"gender\":\"female\"}")));
        assertThat(created.status()).isEqualTo(201);
        assertThat(result("records.encryption-at-rest")).isEqualTo("pass");
        String id = created.json().get("id").asString();
        jdbc.sql("UPDATE fhir_versions SET content = ? WHERE resource_id = ?")
                .params("{\"resourceType\":\"Patient\"}".getBytes(), id).update();
        assertThat(result("records.encryption-at-rest")).isEqualTo("fail");
    }

    @Test
    void masterKey_failsWhenTheKeysetSitsInTheDataDirectory() {
        assertThat(result("crypto.master-key-location")).isEqualTo("pass");
        Path keyDir = Path.of(keys.status().masterKeyLocation()).toAbsolutePath().getParent();
        StorageSettings beside = new StorageSettings(keyDir, null, null, null, null);
        assertThat(checks(beside, alertSettings).probe("crypto.master-key-location")).isEqualTo(EvidenceResult.FAIL);
    }

    @Test
    void keyRotation_failsAfterTheRotationPeriod_andPassesOnceRotated() {
        assertThat(result("crypto.key-rotation")).isEqualTo("pass");
        clock.advance(Duration.ofDays(366));
        assertThat(result("crypto.key-rotation")).isEqualTo("fail");
        assertThat(asOfficer().post("/api/keys/kek/rotate").status()).isEqualTo(200);
        assertThat(result("crypto.key-rotation")).isEqualTo("pass");
    }

    @Test
    void auditVerified_failsUntilVerifiedAndAgainAfter24Hours() {
        if (audit.lastVerification().isEmpty()) {
            assertThat(result("audit.verified")).isEqualTo("fail");
        }
        assertThat(asOfficer().post("/api/audit/verification").status()).isEqualTo(200);
        assertThat(result("audit.verified")).isEqualTo("pass");
        clock.advance(Duration.ofHours(25));
        assertThat(result("audit.verified")).isEqualTo("fail");
    }

    @Test
    void loginMonitoring_failsWhenARuleIsOff() {
        assertThat(result("audit.login-monitoring")).isEqualTo("pass");
        AlertSettings off = new AlertSettings(null, new AlertSettings.Rule(false, null, null), null, null, null, null,
                null, null, null);
        assertThat(checks(null, off).probe("audit.login-monitoring")).isEqualTo(EvidenceResult.FAIL);
    }

    @Test
    void siemForwarding_failsWithoutASyslogTarget() {
        SyslogSettings configured = syslog.getIfAvailable();
        boolean on = configured != null && configured.host() != null && !configured.host().isBlank();
        assertThat(result("audit.siem-forwarding")).isEqualTo(on ? "pass" : "fail");
    }

    @Test
    void breakGlassReview_failsForAGrantUnreviewedAfter72Hours_andPassesOnceReviewed() {
        String writerKey = asOfficer().post("/api/service-clients", Api.map("name", "loader", "scopes",
                List.of("system/*.write"), "expiresInDays", 30)).text("apiKey");
        Api writer = client().bearer(writerKey);
        String patient = writer.send(writer.request("/fhir/Patient").header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"resourceType\":\"Patient\"}"))).json().get("id")
                .asString();
        assertThat(result("access.break-glass-review")).isEqualTo("pass");
        SignedIn clinician = newUser("clinician");
        String grant = clinician.api().post("/api/break-glass", Api.map("patientId", patient, "reason",
                "Unconscious patient in the emergency room", "password", clinician.password(), "code",
                nextCode(clinician.totpSecret()))).text("id");
        clock.advance(Duration.ofHours(73));
        assertThat(result("access.break-glass-review")).isEqualTo("fail");
        assertThat(signIn(officer()).post("/api/break-glass/" + grant + "/review", Api.map("outcome", "approve",
                "notes", "Emergency confirmed")).status()).isEqualTo(200);
        assertThat(result("access.break-glass-review")).isEqualTo("pass");
    }

    @Test
    void riskProgram_failsWithoutACurrentAnalysisOrWithAnUntreatedVeryHighRisk() {
        Api officer = asOfficer();
        if (risks.latestFinalizedAt().isEmpty()) {
            assertThat(result("program.risk-analysis-current")).isEqualTo("fail");
        }
        assertThat(result("program.very-high-risks-treated")).isEqualTo("pass");
        Api.Response risk = officer.post("/api/program/risks", Api.map("title", "Ransomware", "threatId", "ransomware",
                "vulnerability", "Backups reachable from the domain", "controls", List.of("164.308(a)(7)(ii)(A)"),
                "likelihood", "very-high", "impact", "very-high"));
        assertThat(risk.status()).as(risk.toString()).isEqualTo(201);
        assertThat(result("program.very-high-risks-treated")).isEqualTo("fail");
        Api.Response finalized = officer.post("/api/program/risk-analyses", Api.map("scope",
                "All systems holding ePHI"));
        assertThat(finalized.status()).as(finalized.toString()).isEqualTo(201);
        assertThat(result("program.risk-analysis-current")).isEqualTo("pass");
        clock.advance(Duration.ofDays(400));
        assertThat(result("program.risk-analysis-current")).isEqualTo("fail");
    }

    @Test
    void runsAreSignedEvidenceAndServedToAuditors() {
        CheckRun run = evaluation.run("platform.tls");
        JsonNode stored = asOfficer().get("/api/program/evidence/" + run.evidenceId()).json();
        assertThat(stored.get("kind").asString()).isEqualTo("automated-check");
        assertThat(stored.get("collector").asString()).isEqualTo("platform.tls");
        Api auditor = newUser("auditor").api();
        assertThat(auditor.get("/api/program/checks").status()).isEqualTo(200);
        assertThat(auditor.post("/api/program/checks/platform.tls/run").status()).isEqualTo(403);
        Api.Response ran = asOfficer().post("/api/program/checks/platform.tls/run");
        assertThat(ran.status()).isEqualTo(200);
        assertThat(asOfficer().post("/api/program/checks/no.such-check/run").status()).isEqualTo(404);
    }

    private Probe checks(StorageSettings storage, AlertSettings alerts) {
        SystemChecks checks = new SystemChecks(records, keys, storage == null ? this.storage : storage, audit,
                alerts, syslog, breakGlass, risks, Duration.ofDays(365), clock);
        return id -> checks.checks().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow().probe().get()
                .result();
    }

    private interface Probe {
        EvidenceResult probe(String id);
    }
}

@OnDatabase(Database.SQLITE)
class SqliteEvaluationChecksIntegrationTests extends EvaluationChecksIntegrationTests {
}

@OnDatabase(Database.POSTGRES)
class PostgresEvaluationChecksIntegrationTests extends EvaluationChecksIntegrationTests {
}
