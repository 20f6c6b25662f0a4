package dev.safeguard.program.checks;

import dev.safeguard.backup.BackupRun;
import dev.safeguard.backup.RestoreDrill;
import dev.safeguard.program.Asset;
import dev.safeguard.program.CheckOutcome;
import dev.safeguard.program.ContingencyPlan;
import dev.safeguard.program.CriticalityList;
import dev.safeguard.program.EvaluationCheck;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The contingency plan's checks (164.308(a)(7), 164.310(d)(2)(iv)), against the records of real backups and drills:
 * a verified backup no older than 48 hours; a restore drill passed within 30 days whose measured recovery time is
 * within 72 hours (the proposed rule's limits, configurable); the key material backed up since the key directory last
 * changed; and every active ePHI asset of the inventory in the criticality analysis.
 */
@Component
class ContingencyChecks implements CheckSource {

    private final ContingencyPlan plan;
    private final CriticalityList criticality;
    private final Clock clock;

    ContingencyChecks(ContingencyPlan plan, CriticalityList criticality, Clock clock) {
        this.plan = plan;
        this.criticality = criticality;
        this.clock = clock;
    }

    @Override
    public List<EvaluationCheck> checks() {
        return List.of(
                new EvaluationCheck("contingency.backup-age", "A verified backup no older than 48 hours",
                        List.of("164.308(a)(7)(ii)(A)", "164.310(d)(2)(iv)"), this::backupAge),
                new EvaluationCheck("contingency.restore-drill", "A restore drill passed within 30 days, recovering "
                        + "within 72 hours", List.of("164.308(a)(7)(ii)(B)", "164.308(a)(7)(ii)(D)"), this::drill),
                new EvaluationCheck("contingency.key-backup", "Key material backed up since the keys last changed",
                        List.of("164.308(a)(7)(ii)(A)", "164.312(a)(2)(iv)"), this::keyBackup),
                new EvaluationCheck("contingency.criticality", "Every ePHI asset has a criticality entry",
                        List.of("164.308(a)(7)(ii)(E)"), this::criticality));
    }

    private CheckOutcome backupAge() {
        ContingencyPlan.Status s = plan.status();
        BackupRun latest = s.latestVerifiedBackup();
        Map<String, Object> observed = new LinkedHashMap<>();
        observed.put("maxAgeHours", s.backupMaxAge().toHours());
        observed.put("lastBackupStatus", s.latestBackup() == null ? "none" : s.latestBackup().status());
        if (latest == null) {
            return CheckOutcome.fail("No verified backup exists", observed);
        }
        observed.put("backup", latest.id());
        observed.put("startedAt", latest.startedAt().toString());
        observed.put("ageHours", s.backupAgeHours());
        boolean ok = Duration.between(latest.startedAt(), clock.instant()).compareTo(s.backupMaxAge()) <= 0;
        return CheckOutcome.of(ok, "The latest verified backup is " + s.backupAgeHours() + " h old",
                "The latest verified backup is " + s.backupAgeHours() + " h old (at most "
                        + s.backupMaxAge().toHours() + " h)", observed);
    }

    private CheckOutcome drill() {
        ContingencyPlan.Status s = plan.status();
        RestoreDrill passed = s.latestPassedDrill();
        RestoreDrill latest = s.latestDrill();
        Map<String, Object> observed = new LinkedHashMap<>();
        observed.put("maxAgeDays", s.drillMaxAge().toDays());
        observed.put("maxRecoveryHours", s.restoreTimeMax().toHours());
        observed.put("latestDrillStatus", latest == null ? "none" : latest.status());
        if (passed == null) {
            return CheckOutcome.fail(latest == null ? "No restore drill has run" : "No restore drill has passed "
                    + "(latest: " + latest.failure() + ")", observed);
        }
        observed.put("drill", passed.id());
        observed.put("startedAt", passed.startedAt().toString());
        observed.put("recoveryMillis", passed.recoveryMillis());
        observed.put("daysSince", s.daysSinceDrill());
        boolean recent = Duration.between(passed.startedAt(), clock.instant()).compareTo(s.drillMaxAge()) <= 0;
        boolean fast = passed.recoveryMillis() <= s.restoreTimeMax().toMillis();
        boolean latestFailed = latest != null && RestoreDrill.FAILED.equals(latest.status());
        observed.put("latestFailed", latestFailed);
        String fail = !recent ? "The latest passed restore drill is " + s.daysSinceDrill() + " days old (at most "
                + s.drillMaxAge().toDays() + ")" : !fast ? "The latest drill's recovery took "
                + Duration.ofMillis(passed.recoveryMillis()) + " (at most " + s.restoreTimeMax().toHours() + " h)"
                : "The latest restore drill failed: " + latest.failure();
        return CheckOutcome.of(recent && fast && !latestFailed, "A restore drill passed " + s.daysSinceDrill()
                + " days ago, recovering in " + passed.recoveryMillis() + " ms", fail, observed);
    }

    private CheckOutcome keyBackup() {
        ContingencyPlan.Status s = plan.status();
        Map<String, Object> observed = new LinkedHashMap<>();
        observed.put("masterKeyOnHsm", s.masterKeyOnHsm());
        observed.put("lastKeyChange", s.lastKeyChange() == null ? "none" : s.lastKeyChange().toString());
        if (s.latestKeyBackup() == null) {
            return CheckOutcome.fail("The key material was never backed up (run 'backup keys')", observed);
        }
        observed.put("latestKeyBackup", s.latestKeyBackup().exportedAt().toString());
        observed.put("keyFiles", s.latestKeyBackup().keyFiles());
        return CheckOutcome.of(s.keyBackupCurrent(), "The key material was backed up at "
                + s.latestKeyBackup().exportedAt() + ", after its latest change", "The key directory changed at "
                + s.lastKeyChange() + ", after the latest key backup (" + s.latestKeyBackup().exportedAt()
                + "); run 'backup keys'", observed);
    }

    private CheckOutcome criticality() {
        List<Asset> missing = criticality.unassessedEphiAssets();
        Map<String, Object> observed = new LinkedHashMap<>();
        observed.put("entries", criticality.all().size());
        observed.put("unassessedEphiAssets", missing.stream().map(Asset::id).toList());
        return CheckOutcome.of(missing.isEmpty(), "Every active ePHI asset has a criticality entry", missing.size()
                + " active ePHI asset(s) have no criticality entry", observed);
    }
}
