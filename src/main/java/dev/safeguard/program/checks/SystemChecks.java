package dev.safeguard.program.checks;

import dev.safeguard.access.BreakGlass;
import dev.safeguard.audit.AlertSettings;
import dev.safeguard.audit.AuditIntegrity;
import dev.safeguard.audit.AuditVerification;
import dev.safeguard.audit.SyslogSettings;
import dev.safeguard.crypto.KeyManagement;
import dev.safeguard.crypto.KeyStatus;
import dev.safeguard.platform.StorageSettings;
import dev.safeguard.program.CheckOutcome;
import dev.safeguard.program.EvaluationCheck;
import dev.safeguard.program.EvidenceResult;
import dev.safeguard.program.RiskPosture;
import dev.safeguard.records.RecordIntegrity;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Checks of the vault's own safeguards, each reading the running system: encryption of stored versions (sampled
 * decryption), where the master key lives, when the KEK was last rotated, the audit trail's verification and alert
 * rules, break-glass reviews, and the risk program's state.
 */
@Component
class SystemChecks implements CheckSource {

    static final int SAMPLE = 50;
    static final Duration VERIFICATION_AGE = Duration.ofHours(24);

    private final RecordIntegrity records;
    private final KeyManagement keys;
    private final StorageSettings storage;
    private final AuditIntegrity audit;
    private final AlertSettings alerts;
    private final ObjectProvider<SyslogSettings> syslog;
    private final BreakGlass breakGlass;
    private final RiskPosture risks;
    private final Duration rotationPeriod;
    private final Clock clock;

    SystemChecks(RecordIntegrity records, KeyManagement keys, StorageSettings storage, AuditIntegrity audit,
                 AlertSettings alerts, ObjectProvider<SyslogSettings> syslog, BreakGlass breakGlass,
                 RiskPosture risks, @Value("${safeguard.program.key-rotation-period:365d}") Duration rotationPeriod,
                 Clock clock) {
        this.records = records;
        this.keys = keys;
        this.storage = storage;
        this.audit = audit;
        this.alerts = alerts;
        this.syslog = syslog;
        this.breakGlass = breakGlass;
        this.risks = risks;
        this.rotationPeriod = rotationPeriod;
        this.clock = clock;
    }

    @Override
    public List<EvaluationCheck> checks() {
        return List.of(
                new EvaluationCheck("records.encryption-at-rest", "Every stored version is encrypted (sampled "
                        + "decryption)", List.of("164.312(a)(2)(iv)", "164.312(c)(2)"), this::encryption),
                new EvaluationCheck("crypto.master-key-location", "The master key is not stored beside the "
                        + "database", List.of("164.312(a)(2)(iv)"), this::masterKey),
                new EvaluationCheck("crypto.key-rotation", "The key-encryption key was rotated within the "
                        + "rotation period", List.of("164.312(a)(2)(iv)"), this::rotation),
                new EvaluationCheck("audit.verified", "The audit trail was verified within the last 24 h",
                        List.of("164.312(b)"), this::verified),
                new EvaluationCheck("audit.login-monitoring", "Log-in monitoring alert rules are enabled",
                        List.of("164.308(a)(5)(ii)(C)", "164.308(a)(1)(ii)(D)"), this::loginMonitoring),
                new EvaluationCheck("audit.siem-forwarding", "Audit events are forwarded to a central log (SIEM)",
                        List.of("164.312(b)"), this::siem),
                new EvaluationCheck("access.break-glass-review", "Every break-glass grant is reviewed within 72 h",
                        List.of("164.312(a)(2)(ii)", "164.308(a)(1)(ii)(D)"), this::breakGlassReview),
                new EvaluationCheck("program.risk-analysis-current", "The risk analysis was reviewed within 12 "
                        + "months", List.of("164.308(a)(1)(ii)(A)"), this::riskAnalysis),
                new EvaluationCheck("program.very-high-risks-treated", "No open very-high risk lacks a treatment "
                        + "plan", List.of("164.308(a)(1)(ii)(B)"), this::veryHighRisks));
    }

    private CheckOutcome encryption() {
        RecordIntegrity.EncryptionSample sample = records.sampleEncryption(SAMPLE);
        Map<String, Object> observed = Map.of("sampled", sample.sampled(), "encrypted", sample.encrypted(),
                "failures", sample.failures().stream().map(f -> f.resourceType() + "/" + f.id() + "/_history/"
                        + f.version() + ": " + f.reason()).toList());
        if (sample.sampled() == 0) {
            return new CheckOutcome(EvidenceResult.INFORMATIONAL, "No resource is stored yet", observed);
        }
        return CheckOutcome.of(sample.failures().isEmpty(), "All " + sample.sampled() + " sampled versions are "
                        + "ciphertext that decrypts under its patient's key", sample.failures().size() + " of "
                        + sample.sampled() + " sampled versions are in clear or do not decrypt", observed);
    }

    private CheckOutcome masterKey() {
        KeyStatus status = keys.status();
        Map<String, Object> observed = new LinkedHashMap<>();
        observed.put("provider", status.masterKeyProvider());
        observed.put("location", status.masterKeyLocation());
        observed.put("database", storage.postgres() ? "postgresql" : storage.sqliteFile().toString());
        if (!"local".equals(status.masterKeyProvider())) {
            return CheckOutcome.pass("The master key is held by " + status.masterKeyProvider(), observed);
        }
        Path key = Path.of(status.masterKeyLocation()).toAbsolutePath().normalize();
        boolean beside = !storage.postgres() && (key.startsWith(storage.dataDir().toAbsolutePath().normalize())
                || key.getParent().equals(storage.sqliteFile().toAbsolutePath().normalize().getParent()));
        return CheckOutcome.of(!beside, "The master keyset file is outside the database's directory",
                "The master keyset file sits beside the database: whoever copies the data directory gets the key "
                        + "too; set SAFEGUARD_KEYS_DIR elsewhere or use an HSM", observed);
    }

    private CheckOutcome rotation() {
        KeyStatus status = keys.status();
        Instant created = status.kekVersions().stream().filter(v -> v.version() == status.activeKekVersion())
                .map(KeyStatus.KekVersion::createdAt).findFirst().orElse(Instant.EPOCH);
        Duration age = Duration.between(created, clock.instant());
        return CheckOutcome.of(age.compareTo(rotationPeriod) <= 0, "The active KEK (version "
                        + status.activeKekVersion() + ") is " + age.toDays() + " days old",
                "The active KEK is " + age.toDays() + " days old, beyond the rotation period of "
                        + rotationPeriod.toDays() + " days", Map.of("activeKekVersion", status.activeKekVersion(),
                        "createdAt", created.toString(), "rotationPeriodDays", rotationPeriod.toDays()));
    }

    private CheckOutcome verified() {
        AuditVerification last = audit.lastVerification().orElse(null);
        if (last == null) {
            return CheckOutcome.fail("The audit trail has never been verified", Map.of());
        }
        Duration age = Duration.between(last.verifiedAt(), clock.instant());
        Map<String, Object> observed = Map.of("verifiedAt", last.verifiedAt().toString(), "ok", last.ok(),
                "treeSize", last.treeSize());
        return CheckOutcome.of(last.ok() && age.compareTo(VERIFICATION_AGE) <= 0, "Verified " + age.toHours()
                        + " h ago: " + last.treeSize() + " events intact", last.ok() ? "The last verification is "
                        + age.toHours() + " h old (at most 24)" : "The last verification failed: " + last.reason(),
                observed);
    }

    private CheckOutcome loginMonitoring() {
        Map<String, Object> observed = new LinkedHashMap<>();
        observed.put("failedLogins", alerts.failedLogins().enabled());
        observed.put("accountLockout", alerts.accountLockout().enabled());
        observed.put("patientAccessDenied", alerts.patientAccessDenied().enabled());
        observed.put("breakGlass", alerts.breakGlass().enabled());
        boolean ok = observed.values().stream().allMatch(Boolean.TRUE::equals);
        return CheckOutcome.of(ok, "Failed sign-in, lockout, denied-access and break-glass alerts are on",
                "Some monitoring alert rules are off: " + observed, observed);
    }

    private CheckOutcome siem() {
        SyslogSettings settings = syslog.getIfAvailable();
        boolean on = settings != null && settings.host() != null && !settings.host().isBlank();
        return CheckOutcome.of(on, "Audit events and signed tree heads go to syslog at " + (on ? settings.host() : "")
                        + " over TLS", "No SIEM is configured (safeguard.audit.syslog.host): the trail lives only "
                        + "in Safeguard's database", Map.of("configured", on));
    }

    private CheckOutcome breakGlassReview() {
        int overdue = breakGlass.overdueCount();
        return CheckOutcome.of(overdue == 0, "No break-glass grant waits more than 72 h for review", overdue
                + " break-glass grants are past their 72 h review deadline", Map.of("overdue", overdue));
    }

    private CheckOutcome riskAnalysis() {
        boolean current = risks.analysisCurrent();
        Map<String, Object> observed = Map.of("latestFinalizedAt", risks.latestFinalizedAt().map(Instant::toString)
                .orElse("never"));
        return CheckOutcome.of(current, "The risk analysis is current", risks.latestFinalizedAt().isEmpty()
                ? "No risk analysis has been finalized" : "The risk analysis is past its review date", observed);
    }

    private CheckOutcome veryHighRisks() {
        List<String> untreated = risks.veryHighRisksWithoutTreatmentPlan().stream().map(r -> r.id()).toList();
        return CheckOutcome.of(untreated.isEmpty(), "Every open very-high risk has a treatment plan",
                untreated.size() + " open very-high risks have no treatment plan", Map.of("untreated", untreated));
    }
}
