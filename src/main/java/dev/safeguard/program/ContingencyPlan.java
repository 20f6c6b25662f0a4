package dev.safeguard.program;

import dev.safeguard.backup.BackupRun;
import dev.safeguard.backup.BackupSettings;
import dev.safeguard.backup.BackupVerification;
import dev.safeguard.backup.Backups;
import dev.safeguard.backup.KeyBackups;
import dev.safeguard.backup.KeyExport;
import dev.safeguard.backup.RestoreDrill;
import dev.safeguard.backup.RestoreDrills;
import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.program.contingency.DrillEvidenceStore;
import dev.safeguard.program.internal.ProgramEvents;
import dev.safeguard.program.internal.ProgramRoles;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The contingency plan's operations for officers and auditors (164.308(a)(7)): the data backups and their
 * verification, restore drills with their measured recovery time and evidence, the key-material backups, and the
 * state the checks and metrics read. Backups and drills asked for here run in the background (the answer is the
 * running record); each is audited by the backup module.
 *
 * <p>Reading needs a program reader; starting a backup, a verification or a drill a program writer.
 */
@Service
public class ContingencyPlan {

    private final Backups backups;
    private final RestoreDrills drills;
    private final KeyBackups keys;
    private final DrillEvidenceStore drillEvidence;
    private final ContingencySettings limits;
    private final Clock clock;

    ContingencyPlan(Backups backups, RestoreDrills drills, KeyBackups keys, DrillEvidenceStore drillEvidence,
                    ContingencySettings limits, Clock clock) {
        this.backups = backups;
        this.drills = drills;
        this.keys = keys;
        this.drillEvidence = drillEvidence;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * Where backups and drills stand now.
     *
     * @param backupAgeHours      age of the latest verified backup, or {@code null} when there is none
     * @param daysSinceDrill      days since the latest drill that passed, or {@code null}
     * @param keyBackupCurrent    a key backup was made at or after the latest change of the key directory
     */
    public record Status(BackupRun latestBackup, BackupRun latestVerifiedBackup, Double backupAgeHours,
                         RestoreDrill latestDrill, RestoreDrill latestPassedDrill, Double daysSinceDrill,
                         KeyExport latestKeyBackup, Instant lastKeyChange, boolean keyBackupCurrent,
                         boolean masterKeyOnHsm, String backupDirectory, Duration backupInterval, int keep,
                         Duration drillInterval, Duration backupMaxAge, Duration drillMaxAge,
                         Duration restoreTimeMax, boolean backupRunning, boolean drillRunning) {
    }

    public Status status(Actor actor) {
        ProgramRoles.requireReader(actor);
        return status();
    }

    /** The status without a caller, for checks and metrics. */
    public Status status() {
        Optional<BackupRun> verified = backups.latestVerified();
        Optional<RestoreDrill> passed = drills.list().stream().filter(d -> RestoreDrill.PASSED.equals(d.status()))
                .findFirst();
        Optional<KeyExport> keyBackup = keys.latest();
        Optional<Instant> keyChange = keys.lastKeyChange();
        boolean current = keyBackup.isPresent() && (keyChange.isEmpty()
                || !keyBackup.get().exportedAt().isBefore(keyChange.get().truncatedTo(java.time.temporal.ChronoUnit
                .MILLIS)));
        BackupSettings s = backups.settings();
        Instant now = clock.instant();
        return new Status(backups.latest().orElse(null), verified.orElse(null), verified.map(b -> hours(
                Duration.between(b.startedAt(), now))).orElse(null), drills.latestFinished().orElse(null),
                passed.orElse(null), passed.map(d -> Math.round(Duration.between(d.startedAt(), now).toMinutes()
                / 14.4) / 100.0).orElse(null), keyBackup.orElse(null), keyChange.orElse(null), current,
                keys.masterKeyOnHsm(), s.backupDir().toString(), s.interval(), s.keep(), s.drillInterval(),
                limits.backupMaxAge(), limits.drillMaxAge(), limits.restoreTimeMax(), backups.running(),
                drills.running());
    }

    public List<BackupRun> backups(Actor actor) {
        ProgramRoles.requireReader(actor);
        return backups.list();
    }

    public BackupRun backup(Actor actor, String id) {
        ProgramRoles.requireReader(actor);
        return backups.find(id).orElseThrow(() -> notFound("backup", id));
    }

    /** Starts a backup now (409 while one runs). */
    public BackupRun startBackup(Actor actor, RequestOrigin origin) {
        ProgramRoles.requireWriter(actor);
        return backups.start("request", ProgramEvents.agent(actor, origin));
    }

    /** Verifies a backup now: signature, hashes, the whole encrypted stream, row counts. */
    public BackupVerification verifyBackup(Actor actor, String id, RequestOrigin origin) {
        ProgramRoles.requireWriter(actor);
        backup(actor, id);
        return backups.verify(id, ProgramEvents.agent(actor, origin));
    }

    public List<RestoreDrill> drills(Actor actor) {
        ProgramRoles.requireReader(actor);
        return drills.list();
    }

    public RestoreDrill drill(Actor actor, String id) {
        ProgramRoles.requireReader(actor);
        return drills.find(id).orElseThrow(() -> notFound("restore drill", id));
    }

    /**
     * Starts a restore drill now (409 while one runs).
     *
     * @param backupId the backup to restore, or {@code null} for the latest verified one (a new one when it is older
     *                 than the backup interval)
     */
    public RestoreDrill startDrill(Actor actor, String backupId, RequestOrigin origin) {
        ProgramRoles.requireWriter(actor);
        String chosen = backupId == null || backupId.isBlank() ? null : backupId.strip();
        if (chosen != null) {
            backup(actor, chosen);
        }
        return drills.start("request", ProgramEvents.agent(actor, origin), chosen);
    }

    /** The signed evidence recorded for a drill, once it finished. */
    public Optional<String> drillEvidence(String drillId) {
        return drillEvidence.evidence(drillId);
    }

    public List<KeyExport> keyBackups(Actor actor) {
        ProgramRoles.requireReader(actor);
        return keys.list();
    }

    private static double hours(Duration duration) {
        return Math.round(duration.toMillis() / 36_000.0) / 100.0;
    }

    private static ProblemException notFound(String what, String id) {
        return new ProblemException(ProblemKind.NOT_FOUND, "No " + what + " " + Fields.abbreviated(String.valueOf(id)));
    }
}
