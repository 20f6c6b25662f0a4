package dev.safeguard.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.safeguard.audit.AuditIntegrity;
import dev.safeguard.audit.AuditTrailCopies;
import dev.safeguard.audit.AuditVerification;
import dev.safeguard.backup.internal.BackupEvents;
import dev.safeguard.backup.internal.BackupReader;
import dev.safeguard.backup.internal.BackupSchedule;
import dev.safeguard.backup.internal.DrillSchedule;
import dev.safeguard.backup.internal.RestoreEngine;
import dev.safeguard.crypto.KeyMaterialBackup;
import dev.safeguard.crypto.KeySettings;
import dev.safeguard.crypto.internal.OtherInstallation;
import dev.safeguard.program.CheckRun;
import dev.safeguard.program.Evaluation;
import dev.safeguard.program.Evidence;
import dev.safeguard.records.RecordIntegrity;
import dev.safeguard.records.RestoredRecords;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.SecurityEvent.Agent;
import dev.safeguard.testing.Api;
import dev.safeguard.testing.Database;
import dev.safeguard.testing.EmbeddedPostgresServer;
import dev.safeguard.testing.OnDatabase;
import dev.safeguard.testing.ServerTest;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Backups, restore and restore drills against the real server: a backup restored into a fresh directory serves the
 * same resources over HTTPS from a second server and its audit trail verifies (and across databases); one changed
 * byte in the data, the manifest or the checkpoints fails verification and is never restored; another master key
 * cannot open it; a drill measures its recovery time and becomes signed evidence; the checks and metrics follow the
 * records on both sides of their limits; the schedule and retention; the key backup and its passphrase.
 */
@TestPropertySource(properties = {"safeguard.backup.keep=2", "safeguard.audit.tree-head-every=25"})
public abstract class BackupIntegrationTests extends ServerTest {

    private static final String FAMILY = "Restoreson";
    private static final String PASSPHRASE = "correct horse battery staple 2026";

    @Autowired
    Backups backups;
    @Autowired
    Restores restores;
    @Autowired
    RestoreDrills drills;
    @Autowired
    KeyBackups keyBackups;
    @Autowired
    BackupSettings settings;
    @Autowired
    KeySettings keys;
    @Autowired
    BackupReader reader;
    @Autowired
    BackupSchedule schedule;
    @Autowired
    DrillSchedule drillSchedule;
    @Autowired
    AuditTrailCopies auditCopies;
    @Autowired
    RestoredRecords restoredRecords;
    @Autowired
    Evaluation evaluation;
    @Autowired
    Evidence evidence;

    private String apiKey;
    private final List<String> resources = new ArrayList<>();

    // ---- the properties the issue asks to show

    @Test
    void aBackupRestoredIntoAFreshDirectoryServesTheSameResourcesOverHttpsAndItsAuditTrailVerifies() throws Exception {
        Api app = client().bearer(vault());
        Map<String, String> before = read(app);
        BackupRun run = backups.create("request", agent(), null);
        assertThat(run.status()).as(String.valueOf(run.failure())).isEqualTo(BackupRun.COMPLETED);
        assertThat(run.verified()).as(String.valueOf(run.verificationProblem())).isTrue();
        Path dir = Path.of(run.directory());
        assertThat(dir).startsWith(settings.backupDir());
        assertNoPlaintext(dir);
        JsonNode manifest = Api.JSON.readTree(Files.readAllBytes(dir.resolve("manifest.json")));
        assertThat(manifest.get("sourceDatabase").asString()).isEqualTo(storage.postgres() ? "postgresql" : "sqlite");
        List<String> tables = new ArrayList<>();
        manifest.get("tables").forEach(t -> tables.add(t.get("name").asString()));
        assertThat(tables).contains("audit_events", "audit_tree_heads", "fhir_versions", "crypto_data_keys", "users",
                "service_clients").doesNotContain("sessions", "flyway_schema_history");
        assertThat(tables.indexOf("users")).as("referenced tables first").isLessThan(tables.indexOf("user_roles"));
        assertThat(count("sessions")).as("live sign-ins exist, but are not backed up").isPositive();

        Path scratch = Files.createTempDirectory("safeguard-restore-test-");
        RestoreTarget same = target(scratch.resolve("same"), storage.postgres());
        RestoreResult restored = restores.restore(dir, same);
        assertThat(restored.rows()).isEqualTo(run.rows());
        assertThat(restored.checkpointHeads()).isPositive();
        assertThatThrownBy(() -> restores.restore(dir, same)).as("the target is no longer new")
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.kind())
                        .isEqualTo(dev.safeguard.shared.ProblemKind.CONFLICT)).hasMessageContaining("nothing was changed");
        try (RestoredServer server = RestoredServer.start(same, keys.keysDir(), scratch)) {
            assertThat(read(server.client().bearer(apiKey))).isEqualTo(before);
            Api search = server.client().bearer(apiKey);
            Api.Response found = search.get("/fhir/Patient?family=" + FAMILY);
            assertThat(found.status()).as(found.toString()).isEqualTo(200);
            assertThat(found.json().get("entry").size()).as("blind index restored").isEqualTo(3);
            Api stale = server.client();
            stale.setSessionCookie(asOfficer().sessionCookie());
            assertThat(stale.get("/api/session").status()).as("a restore never revives a sign-in").isEqualTo(401);
            AuditVerification trail = server.bean(AuditIntegrity.class).verify();
            assertThat(trail.ok()).as(String.valueOf(trail.reason())).isTrue();
            assertThat(trail.treeSize()).isGreaterThanOrEqualTo(restored.auditEvents());
            assertThat(trail.headsChecked()).isPositive();
        }

        RestoreTarget other = target(scratch.resolve("other"), !storage.postgres());
        RestoreResult crossed = restores.restore(dir, other);
        assertThat(crossed.rows()).as("restored across databases").isEqualTo(run.rows());
        DataSource copy = RestoreEngine.dataSource(other);
        for (JsonNode table : manifest.get("tables")) {
            assertThat(count(copy, table.get("name").asString())).as(table.get("name").asString())
                    .isEqualTo(table.get("rows").asLong());
        }
        AuditVerification crossTrail = auditCopies.verify(copy, other.postgres(), other.dataDir(),
                other.checkpointFile());
        assertThat(crossTrail.ok()).as(String.valueOf(crossTrail.reason())).isTrue();
        assertThat(crossTrail.treeSize()).isEqualTo(manifest.get("auditEvents").asLong());
        RecordIntegrity.Result versions = restoredRecords.verifyAll(copy);
        assertThat(versions.ok()).as(versions.failures().toString()).isTrue();
        assertThat(versions.versionsChecked()).isEqualTo(rows(manifest, "fhir_versions"));
    }

    @Test
    void oneChangedByteInTheDataTheManifestOrTheCheckpointsFailsVerificationAndIsNeverRestored_isRefused()
            throws Exception {
        vault();
        BackupRun run = backups.create("request", agent(), null);
        Path dir = Path.of(run.directory());
        assertThat(backups.verifyDirectory(dir, agent()).ok()).isTrue();

        Path data = copyOf(dir);
        flipByte(data.resolve("database.sgdump"), Files.size(data.resolve("database.sgdump")) / 2);
        BackupVerification changed = backups.verifyDirectory(data, agent());
        assertThat(changed.ok()).isFalse();
        assertThat(changed.problems()).anyMatch(p -> p.contains("database.sgdump does not match its SHA-256"))
                .as("and the AEAD finds it too").anyMatch(p -> p.contains("database.sgdump does not decrypt"));
        RestoreTarget target = target(Files.createTempDirectory("safeguard-tampered-").resolve("t"), false);
        assertThatThrownBy(() -> restores.restore(data, target)).hasMessageContaining("does not verify");
        assertThat(target.dataDir()).doesNotExist();

        Path manifest = copyOf(dir);
        flipByte(manifest.resolve("manifest.json"), Files.size(manifest.resolve("manifest.json")) / 2);
        assertThat(backups.verifyDirectory(manifest, agent()).problems())
                .anyMatch(p -> p.contains("signature does not verify"));

        Path checkpoints = copyOf(dir);
        flipByte(checkpoints.resolve("audit-checkpoints.sgdump"), 40);
        assertThat(backups.verifyDirectory(checkpoints, agent()).problems())
                .anyMatch(p -> p.contains("audit-checkpoints.sgdump"));

        Path truncated = copyOf(dir);
        byte[] whole = Files.readAllBytes(truncated.resolve("database.sgdump"));
        Files.write(truncated.resolve("database.sgdump"), java.util.Arrays.copyOf(whole, whole.length - 1));
        assertThat(backups.verifyDirectory(truncated, agent()).ok()).isFalse();

        // Another installation's master key (same signing key, so only the master key differs) cannot open it.
        Path otherKeys = Files.createTempDirectory("safeguard-other-keys-").resolve("keys");
        Files.createDirectories(otherKeys);
        try (Stream<Path> files = Files.list(keys.keysDir())) {
            for (Path f : files.filter(f -> !f.getFileName().toString().equals("master-key.json")).toList()) {
                Files.copy(f, otherKeys.resolve(f.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        BackupVerification foreign = reader.verify(dir, OtherInstallation.backupKeys(otherKeys));
        assertThat(foreign.ok()).isFalse();
        assertThat(foreign.problems()).anyMatch(p -> p.contains("does not open under this installation's master key"));
        Path strangerKeys = Files.createTempDirectory("safeguard-stranger-keys-").resolve("keys");
        assertThat(reader.verify(dir, OtherInstallation.backupKeys(strangerKeys)).problems())
                .anyMatch(p -> p.contains("signature does not verify"));

        assertThat(backups.verifyDirectory(dir, agent()).ok()).as("the original is untouched").isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE type = 'backup' AND subtype = 'verify' AND "
                + "outcome = 'SERIOUS_FAILURE'").query(Long.class).single()).isGreaterThanOrEqualTo(4);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT COUNT(*) FROM alerts WHERE rule = ?")
                .param(Backups.FAILURE_ALERT).query(Long.class).single() > 0);
    }

    @Test
    void aRestoreDrillRecordsItsMeasuredRecoveryTimeAsSignedEvidence_andAuditorsCannotStartOne() {
        vault();
        long t0 = System.nanoTime();
        Api.Response started = asOfficer().post("/api/program/contingency/drills", Map.of());
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String id = started.json().get("drill").get("id").asString();
        assertThat(started.json().get("drill").get("status").asString()).isEqualTo(RestoreDrill.RUNNING);
        assertThat(asOfficer().post("/api/program/contingency/drills", Map.of()).status())
                .as("one drill at a time").isEqualTo(409);
        JsonNode done = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() ->
                asOfficer().get("/api/program/contingency/drills/" + id).json(), j -> !j.get("drill").get("status")
                .asString().equals(RestoreDrill.RUNNING) && !j.get("evidenceId").isNull());
        long wall = (System.nanoTime() - t0) / 1_000_000;
        JsonNode drill = done.get("drill");
        assertThat(drill.get("status").asString()).as(drill.toString()).isEqualTo(RestoreDrill.PASSED);
        long recovery = drill.get("recoveryMillis").asLong();
        assertThat(recovery).isPositive().isLessThanOrEqualTo(wall);
        BackupRun backup = backups.find(drill.get("backupId").asString()).orElseThrow();
        assertThat(drill.get("tables").asInt()).isEqualTo(backup.tables());
        assertThat(drill.get("rows").asLong()).isEqualTo(backup.rows());
        assertThat(drill.get("auditEvents").asLong()).isEqualTo(backup.auditEvents());
        assertThat(drill.get("sampleSize").asInt()).isPositive().isEqualTo(drill.get("sampleDecrypted").asInt());
        assertThat(settings.drillDir().resolve("safeguard-drill-" + id)).as("scratch deleted").doesNotExist();

        String evidenceId = done.get("evidenceId").asString();
        assertThat(evidence.verify(evidenceId).valid()).isTrue();
        JsonNode record = asOfficer().get("/api/program/evidence/" + evidenceId).json();
        assertThat(record.get("kind").asString()).isEqualTo("automated-check");
        assertThat(record.get("result").asString()).isEqualTo("pass");
        assertThat(record.get("controls").toString()).contains("164.308(a)(7)(ii)(A)", "164.308(a)(7)(ii)(B)",
                "164.308(a)(7)(ii)(D)");
        JsonNode content = Api.JSON.readTree(asOfficer().get("/api/program/evidence/" + evidenceId + "/content")
                .body());
        assertThat(content.get("recoveryMillis").asLong()).isEqualTo(recovery);
        assertThat(content.get("drill").asString()).isEqualTo(id);
        Api.Response page = asOfficer().get("/program/contingency");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("data-id=\"" + id + "\"", "/program/evidence/" + evidenceId);

        Api auditor = newUser("auditor").api();
        assertThat(auditor.get("/api/program/contingency/drills").status()).isEqualTo(200);
        assertThat(auditor.get("/api/program/contingency").status()).isEqualTo(200);
        assertThat(auditor.post("/api/program/contingency/drills", Map.of()).status()).isEqualTo(403);
        assertThat(auditor.post("/api/program/contingency/backups").status()).isEqualTo(403);
        Api clinician = newUser("clinician").api();
        assertThat(clinician.get("/api/program/contingency/backups").status()).isEqualTo(403);
        assertThat(clinician.get("/program/contingency").status()).isEqualTo(403);
        assertThat(asOfficer().get("/api/program/contingency/drills/no-such-drill").status()).isEqualTo(404);
    }

    @Test
    void aDrillOfATamperedBackupFails_andTheChecksFollowTheLatestBackupAndDrillOnBothSidesOfTheirLimits()
            throws Exception {
        vault();
        BackupRun run = backups.create("request", agent(), null);
        RestoreDrill passed = drills.run("request", agent(), run.id());
        assertThat(passed.status()).as(String.valueOf(passed.failure())).isEqualTo(RestoreDrill.PASSED);
        assertThat(check("contingency.backup-age")).isEqualTo("pass");
        assertThat(check("contingency.restore-drill")).isEqualTo("pass");
        JsonNode metrics = asOfficer().get("/api/program/metrics").json();
        assertThat(metric(metrics, "last-restore-time")).isEqualTo(passed.recoveryMillis() / 1000.0);
        assertThat(metric(metrics, "days-since-restore-test")).isNotNull();

        clock.advance(Duration.ofHours(48).minusMinutes(1).minus(Duration.between(run.startedAt(), clock.instant())));
        assertThat(check("contingency.backup-age")).as("48 h less a minute").isEqualTo("pass");
        clock.advance(Duration.ofMinutes(2));
        assertThat(check("contingency.backup-age")).as("48 h and a minute").isEqualTo("fail");
        assertThat(metric(asOfficer().get("/api/program/metrics").json(), "backup-age")).isGreaterThan(48.0);

        clock.advance(Duration.ofDays(30).minusMinutes(1).minus(Duration.between(passed.startedAt(),
                clock.instant())));
        assertThat(check("contingency.restore-drill")).as("30 days less a minute").isEqualTo("pass");
        clock.advance(Duration.ofMinutes(2));
        assertThat(check("contingency.restore-drill")).as("30 days and a minute").isEqualTo("fail");

        flipByte(Path.of(run.directory()).resolve("database.sgdump"), 100);
        RestoreDrill failed = drills.run("request", agent(), run.id());
        assertThat(failed.status()).isEqualTo(RestoreDrill.FAILED);
        assertThat(failed.failure()).contains("does not verify");
        assertThat(failed.recoveryMillis()).isNull();
        assertThat(backups.verify(run.id(), agent()).ok()).as("recorded on the backup, so no drill picks it").isFalse();
        assertThat(backups.latestVerified().map(BackupRun::id)).isNotEqualTo(java.util.Optional.of(run.id()));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT COUNT(*) FROM alerts WHERE rule = ?")
                .param(RestoreDrills.FAILURE_ALERT).query(Long.class).single() > 0);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM program_evidence WHERE collector = 'contingency.restore-drill' "
                + "AND result = 'fail'").query(Long.class).single()).isPositive();
    }

    @Test
    void theScheduleBacksUpOnceTheIntervalHasPassed_keepsTheNewestAndRunsADueDrill() {
        vault();
        clock.advance(settings.interval());
        BackupRun first = schedule.runDue().orElseThrow();
        assertThat(first.status()).isEqualTo(BackupRun.COMPLETED);
        assertThat(first.trigger()).isEqualTo("schedule");
        clock.advance(settings.interval().minusMinutes(1));
        assertThat(schedule.runDue()).as("not due a minute before the interval").isEmpty();
        clock.advance(Duration.ofMinutes(1));
        BackupRun second = schedule.runDue().orElseThrow();
        clock.advance(settings.interval());
        BackupRun third = schedule.runDue().orElseThrow();
        assertThat(backups.find(third.id()).orElseThrow().prunedAt()).isNull();
        assertThat(backups.find(second.id()).orElseThrow().prunedAt()).isNull();
        assertThat(backups.find(first.id()).orElseThrow().prunedAt()).as("keep=2").isNotNull();
        assertThat(Path.of(first.directory())).doesNotExist();
        assertThat(Path.of(third.directory())).exists();

        clock.advance(Duration.ofDays(8));
        RestoreDrill drill = drillSchedule.runDue().orElseThrow();
        assertThat(drill.status()).as(String.valueOf(drill.failure())).isEqualTo(RestoreDrill.PASSED);
        assertThat(drillSchedule.runDue()).as("the next drill waits a week").isEmpty();
    }

    @Test
    void theKeyBackupIsSealedUnderThePassphraseAndRestoresOnlyWithIt_andNeverIntoTheBackupDirectory_isRefused()
            throws Exception {
        asOfficer();
        clock.advance(Duration.ofMinutes(5));
        assertThatThrownBy(() -> keyBackups.export(settings.backupDir().resolve("keys"), PASSPHRASE.toCharArray(),
                agent())).isInstanceOf(ProblemException.class).hasMessageContaining("apart from the data backups");
        assertThatThrownBy(() -> keyBackups.export(null, "too short".toCharArray(), agent()))
                .isInstanceOf(ProblemException.class).hasMessageContaining("at least 16");
        KeyExport export = keyBackups.export(null, PASSPHRASE.toCharArray(), agent());
        Path file = Path.of(export.file());
        assertThat(file).startsWith(settings.keyBackupDir());
        assertThat(export.keyFiles()).contains("master-key.json", "audit-signing.json", "backup-signing.json");
        String sealed = Files.readString(file);
        for (String name : export.keyFiles()) {
            String key = Api.JSON.readTree(Files.readString(keys.keysDir().resolve(name))).get("key").get(0)
                    .get("keyData").get("value").asString();
            assertThat(sealed).as(name + " is not in clear").doesNotContain(key);
        }
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
        }
        assertThat(check("contingency.key-backup")).isEqualTo("pass");

        Path restoredKeys = Files.createTempDirectory("safeguard-restored-keys-").resolve("keys");
        assertThatThrownBy(() -> KeyMaterialBackup.restore(file, "the wrong passphrase entirely".toCharArray(),
                restoredKeys)).isInstanceOf(KeyMaterialBackup.Refused.class).hasMessageContaining("does not open");
        assertThat(restoredKeys).doesNotExist();
        KeyMaterialBackup.Restored restored = KeyMaterialBackup.restore(file, PASSPHRASE.toCharArray(), restoredKeys);
        for (String name : restored.keyFiles()) {
            assertThat(Files.readAllBytes(restoredKeys.resolve(name))).as(name)
                    .isEqualTo(Files.readAllBytes(keys.keysDir().resolve(name)));
        }
        assertThatThrownBy(() -> KeyMaterialBackup.restore(file, PASSPHRASE.toCharArray(), restoredKeys))
                .isInstanceOf(KeyMaterialBackup.Refused.class).hasMessageContaining("already holds");
        String tampered = sealed.replace("\"masterKeyIncluded\":true", "\"masterKeyIncluded\":false");
        Path altered = file.resolveSibling("altered.sgkeys");
        Files.writeString(altered, tampered);
        assertThatThrownBy(() -> KeyMaterialBackup.restore(altered, PASSPHRASE.toCharArray(),
                restoredKeys.resolveSibling("other"))).isInstanceOf(KeyMaterialBackup.Refused.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE type = 'backup' AND subtype = 'key-export' AND "
                + "entity_id = ?").param(export.id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theCriticalityListIsSeededForSafeguardsPartsAndOfficersMaintainIt_badInputChangesNothing_isRefused() {
        String list = "/api/program/contingency/criticality";
        JsonNode seeded = asOfficer().get(list).json();
        List<String> names = new ArrayList<>();
        seeded.forEach(e -> names.add(e.get("assetName").asString()));
        assertThat(names).contains("Safeguard server", "Encrypted backups", "Audit checkpoint file",
                storage.postgres() ? "Safeguard database (PostgreSQL)" : "Safeguard database (SQLite)");
        assertThat(seeded.get(0).get("tier").asInt()).as("most critical first").isEqualTo(1);
        Api.Response asset = asOfficer().post("/api/program/assets", Api.map("name", "Lab interface " + FAMILY,
                "kind", "application", "ephi", true, "location", "Main clinic", "encryption", "encrypted",
                "centralLogging", true));
        assertThat(asset.status()).as(asset.toString()).isEqualTo(201);
        String ehr = asset.text("id");
        String server = seeded.get(0).get("assetId").asString();
        assertThat(check("contingency.criticality")).as("an ePHI asset without an entry").isEqualTo("fail");

        long before = count("program_criticality");
        List<Map<String, Object>> bad = List.of(
                Api.map("assetId", ehr, "tier", 7, "rtoMinutes", 60, "rpoMinutes", 0),
                Api.map("assetId", ehr, "rtoMinutes", 60, "rpoMinutes", 0),
                Api.map("assetId", ehr, "tier", 1, "rtoMinutes", 0, "rpoMinutes", 0),
                Api.map("assetId", ehr, "tier", 1, "rtoMinutes", 60, "rpoMinutes", -1),
                Api.map("assetId", ehr, "tier", 1, "rtoMinutes", 60L * 24 * 366, "rpoMinutes", 0),
                Api.map("assetId", "no-such-asset", "tier", 1, "rtoMinutes", 60, "rpoMinutes", 0),
                Api.map("assetId", ehr, "tier", 1, "rtoMinutes", 60, "rpoMinutes", 0, "dependencies", List.of(ehr)),
                Api.map("assetId", ehr, "tier", 1, "rtoMinutes", 60, "rpoMinutes", 0, "dependencies",
                        List.of("no-such-asset")),
                Api.map("assetId", ehr, "tier", 1, "rtoMinutes", 60, "rpoMinutes", 0, "notes", "x".repeat(2001)),
                Api.map("assetId", ehr, "tier", 1, "rtoMinutes", 60, "rpoMinutes", 0, "notes", "bell\u0007"));
        for (Map<String, Object> body : bad) {
            Api.Response refused = asOfficer().post(list, body);
            assertThat(refused.status()).as(body + ": " + refused).isEqualTo(400);
            assertThat(refused.header("Content-Type")).contains("application/problem+json");
        }
        assertThat(asOfficer().post(list, "{\"tier\": \"one\"").status()).isEqualTo(400);
        assertThat(count("program_criticality")).as("bad input changes nothing").isEqualTo(before);

        Api.Response created = asOfficer().post(list, Api.map("assetId", ehr, "tier", 2, "rtoMinutes", 2880,
                "rpoMinutes", 240, "dependencies", List.of(server), "notes", "Paper fallback for two days"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.text("id");
        assertThat(created.json().get("version").asInt()).isEqualTo(1);
        assertThat(created.text("tierName")).isEqualTo("essential");
        assertThat(asOfficer().post(list, Api.map("assetId", ehr, "tier", 1, "rtoMinutes", 60, "rpoMinutes", 0))
                .status()).as("one entry per asset").isEqualTo(409);
        List<String> assessed = new ArrayList<>();
        asOfficer().get(list).json().forEach(e -> assessed.add(e.get("assetId").asString()));
        for (JsonNode a : asOfficer().get("/api/program/assets").json()) {
            if (a.get("ephi").asBoolean() && a.get("status").asString().equals("active")
                    && !assessed.contains(a.get("id").asString())) {
                assertThat(check("contingency.criticality")).as("unassessed: " + a.get("name")).isEqualTo("fail");
                assertThat(asOfficer().post(list, Api.map("assetId", a.get("id").asString(), "tier", 3,
                        "rtoMinutes", 4320, "rpoMinutes", 1440)).status()).isEqualTo(201);
            }
        }
        assertThat(check("contingency.criticality")).as("every ePHI asset assessed").isEqualTo("pass");

        Api.Response updated = asOfficer().put(list + "/" + id, Api.map("tier", 1, "rtoMinutes", 1440,
                "rpoMinutes", 60, "baseVersion", 1));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().get("version").asInt()).isEqualTo(2);
        assertThat(updated.json().get("dependencies")).isEmpty();
        assertThat(asOfficer().put(list + "/" + id, Api.map("tier", 3, "rtoMinutes", 60, "rpoMinutes", 0,
                "baseVersion", 1)).status()).as("stale version").isEqualTo(409);
        assertThat(asOfficer().put(list + "/" + id, Api.map("tier", 3, "rtoMinutes", 60, "rpoMinutes", 0))
                .status()).isEqualTo(400);
        assertThat(asOfficer().get(list + "/" + id).json().get("tier").asInt()).isEqualTo(1);
        assertThat(asOfficer().get(list + "/no-such-entry").status()).isEqualTo(404);

        Api auditor = newUser("auditor").api();
        assertThat(auditor.get(list).status()).isEqualTo(200);
        assertThat(auditor.post(list, Api.map("assetId", ehr, "tier", 1, "rtoMinutes", 60, "rpoMinutes", 0))
                .status()).isEqualTo(403);
        assertThat(auditor.put(list + "/" + id, Api.map("tier", 4, "rtoMinutes", 60, "rpoMinutes", 0,
                "baseVersion", 2)).status()).isEqualTo(403);
        assertThat(auditor.get("/program/contingency").body()).contains("Lab interface " + FAMILY)
                .doesNotContain("id=\"drill-now\"");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE type = 'program-contingency' AND entity_id = ?")
                .param(id).query(Long.class).single()).isEqualTo(2);
    }

    // ---- the vault, shared by the tests of a class

    private synchronized String vault() {
        if (apiKey == null) {
            Api.Response key = asOfficer().post("/api/service-clients", Api.map("name", "backup-test-app",
                    "scopes", List.of("system/*.read", "system/*.write"), "patients", List.of(), "expiresInDays", 365));
            assertThat(key.status()).as(key.toString()).isEqualTo(201);
            apiKey = key.text("apiKey");
            Api app = client().bearer(apiKey);
            for (int p = 0; p < 3; p++) {
                String patient = create(app, Api.map("resourceType", "Patient", "name", List.of(Api.map("family",
                        FAMILY, "given", List.of("Pat" + p))), "gender", "female", "birthDate", "1970-01-0" + (p + 1)));
                resources.add("Patient/" + patient);
                for (int o = 0; o < 6; o++) {
                    resources.add("Observation/" + create(app, Api.map("resourceType", "Observation", "status",
                            "final", "code", Api.map("coding", List.of(Api.map("system", "http://loinc.org", "code",
                                    "8867-4"))), "subject", Api.map("reference", "Patient/" + patient),
                            "valueQuantity", Api.map("value", 60 + o, "unit", "/min"))));
                }
            }
            String id = resources.get(0).substring("Patient/".length());
            Api.Response updated = app.send(app.request("/fhir/Patient/" + id).header("Content-Type",
                    "application/fhir+json").PUT(HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(
                    Api.map("resourceType", "Patient", "id", id, "name", List.of(Api.map("family", FAMILY, "given",
                            List.of("Pat0", "Updated"))), "gender", "female", "birthDate", "1970-01-01")))));
            assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        }
        return apiKey;
    }

    private static String create(Api api, Map<String, Object> resource) {
        Api.Response created = api.send(api.request("/fhir/" + resource.get("resourceType"))
                .header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(resource))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private Map<String, String> read(Api api) {
        Map<String, String> bodies = new LinkedHashMap<>();
        for (String resource : resources) {
            Api.Response r = api.get("/fhir/" + resource);
            assertThat(r.status()).as(resource + ": " + r).isEqualTo(200);
            bodies.put(resource, r.body());
            Api.Response history = api.get("/fhir/" + resource + "/_history/1");
            assertThat(history.status()).isEqualTo(200);
            bodies.put(resource + "/_history/1", history.body());
        }
        return bodies;
    }

    private RestoreTarget target(Path root, boolean postgres) {
        if (!postgres) {
            return new RestoreTarget(root.resolve("data"), root.resolve("checkpoints/audit-tree-heads.jsonl"), null,
                    null, null);
        }
        EmbeddedPostgresServer.TestDatabase db = EmbeddedPostgresServer.newDatabase();
        return new RestoreTarget(root.resolve("data"), root.resolve("checkpoints/audit-tree-heads.jsonl"), db.url(),
                db.username(), db.password());
    }

    private static Agent agent() {
        return BackupEvents.command("test");
    }

    private String check(String id) {
        CheckRun run = evaluation.run(id);
        return run.result();
    }

    private static Double metric(JsonNode metrics, String id) {
        for (JsonNode m : metrics) {
            if (m.get("id").asString().equals(id)) {
                return m.get("value").isNull() ? null : m.get("value").asDouble();
            }
        }
        throw new AssertionError("no metric " + id);
    }

    private static long rows(JsonNode manifest, String table) {
        for (JsonNode t : manifest.get("tables")) {
            if (t.get("name").asString().equals(table)) {
                return t.get("rows").asLong();
            }
        }
        throw new AssertionError("no table " + table);
    }

    private static long count(DataSource db, String table) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM \"" + table + "\"")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** No file of the backup holds a patient's name or a FHIR resource in clear. */
    private static void assertNoPlaintext(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertThat(text).as(file.getFileName().toString()).doesNotContain(FAMILY)
                        .doesNotContain("\"resourceType\"").doesNotContain("8867-4");
            }
        }
    }

    private static Path copyOf(Path dir) throws IOException {
        Path copy = Files.createTempDirectory("safeguard-backup-copy-").resolve(dir.getFileName());
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        return copy;
    }

    private static void flipByte(Path file, long position) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[(int) position] ^= 0x01;
        Files.write(file, bytes);
    }
}

@OnDatabase(Database.SQLITE)
class SqliteBackupIntegrationTests extends BackupIntegrationTests {
}

@OnDatabase(Database.POSTGRES)
class PostgresBackupIntegrationTests extends BackupIntegrationTests {
}
