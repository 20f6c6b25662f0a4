package dev.safeguard.backup;

import dev.safeguard.audit.Alerts;
import dev.safeguard.audit.AuditTrailCopies;
import dev.safeguard.audit.AuditVerification;
import dev.safeguard.backup.internal.BackupEvents;
import dev.safeguard.backup.internal.BackupReader;
import dev.safeguard.backup.internal.BackupStore;
import dev.safeguard.backup.internal.DrillCheck;
import dev.safeguard.backup.internal.RestoreEngine;
import dev.safeguard.records.RecordIntegrity;
import dev.safeguard.records.RestoredRecords;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import dev.safeguard.shared.SecurityEvent.Action;
import dev.safeguard.shared.SecurityEvent.Agent;
import jakarta.annotation.PreDestroy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Restore drills (164.308(a)(7)(ii)(D), testing of the data backup and disaster recovery plans): a backup is restored
 * into a fresh scratch directory and verified as a recovery would need it, and the recovery time is measured.
 *
 * <p>Guarantees: a drill restores a real backup with the same code as {@code backup restore}, then checks that every
 * table holds the manifest's row count, that the restored audit trail verifies (leaf hashes, Merkle tree and every
 * signed tree head of the copy and its checkpoint file, with the audit module's own verifier) and covers the events
 * the backup holds, and that a random sample of restored resource versions decrypts under the copy's key hierarchy.
 * The recovery time is measured on a monotonic clock from the start of the restore to the end of the verification.
 * The scratch directory is deleted whatever the outcome. The drill's record and audit event commit together, then
 * {@link RestoreDrillCompleted} is published; a failed drill raises an alert. One drill runs at a time on a node.
 */
@Service
public class RestoreDrills {

    private static final Logger log = LoggerFactory.getLogger(RestoreDrills.class);
    public static final String FAILURE_ALERT = "restore-drill-failure";
    static final int MAX_LIST = 200;

    private final Backups backups;
    private final BackupReader reader;
    private final RestoreEngine engine;
    private final AuditTrailCopies audit;
    private final RestoredRecords records;
    private final BackupStore store;
    private final BackupEvents events;
    private final BackupSettings settings;
    private final Alerts alerts;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final Semaphore permit = new Semaphore(1);
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "restore-drill");
        thread.setDaemon(true);
        return thread;
    });

    RestoreDrills(Backups backups, BackupReader reader, RestoreEngine engine, AuditTrailCopies audit,
                  RestoredRecords records, BackupStore store, BackupEvents events, BackupSettings settings,
                  Alerts alerts, ApplicationEventPublisher publisher, Clock clock) {
        this.backups = backups;
        this.reader = reader;
        this.engine = engine;
        this.audit = audit;
        this.records = records;
        this.store = store;
        this.events = events;
        this.settings = settings;
        this.alerts = alerts;
        this.publisher = publisher;
        this.clock = clock;
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /**
     * Runs a drill now and waits for it.
     *
     * @param backupId the backup to restore; {@code null}: the newest verified backup if it is younger than the backup
     *                 interval, else a new backup taken for the drill
     */
    public RestoreDrill run(String origin, Agent agent, String backupId) {
        acquire();
        try {
            RestoreDrill drill = begin(origin, agent, backupId);
            return execute(drill, agent);
        } finally {
            permit.release();
        }
    }

    /** Starts a drill in the background; returns its record, {@code running}. */
    public RestoreDrill start(String origin, Agent agent, String backupId) {
        acquire();
        try {
            RestoreDrill drill = begin(origin, agent, backupId);
            worker.execute(() -> {
                try {
                    execute(drill, agent);
                } finally {
                    permit.release();
                }
            });
            return drill;
        } catch (RuntimeException e) {
            permit.release();
            throw e;
        }
    }

    public boolean running() {
        return permit.availablePermits() == 0;
    }

    public List<RestoreDrill> list() {
        return store.drills(MAX_LIST);
    }

    public Optional<RestoreDrill> find(String id) {
        return id == null ? Optional.empty() : store.drill(id);
    }

    /** The newest drill that finished, passed or failed. */
    public Optional<RestoreDrill> latestFinished() {
        return store.latestFinishedDrill();
    }

    private void acquire() {
        if (!permit.tryAcquire()) {
            throw new ProblemException(ProblemKind.CONFLICT, "A restore drill is running already; wait for it to "
                    + "finish");
        }
    }

    private RestoreDrill begin(String origin, Agent agent, String backupId) {
        if (backupId != null) {
            BackupRun chosen = backups.find(backupId).orElseThrow(() -> new ProblemException(ProblemKind.NOT_FOUND,
                    "No backup " + backupId));
            if (!BackupRun.COMPLETED.equals(chosen.status()) || chosen.prunedAt() != null) {
                throw new ProblemException(ProblemKind.CONFLICT, "Backup " + backupId + " cannot be restored: it is "
                        + (chosen.prunedAt() != null ? "pruned" : chosen.status()));
            }
        }
        String id = UUID.randomUUID().toString();
        long now = clock.millis();
        store.insertDrill(id, origin, agent.userId(), backupId, now);
        return store.drill(id).orElseThrow();
    }

    private RestoreDrill execute(RestoreDrill drill, Agent agent) {
        DrillCheck check = new DrillCheck();
        String backupId = drill.backupId();
        Path scratch = settings.drillDir().toAbsolutePath().normalize().resolve("safeguard-drill-" + drill.id());
        try {
            BackupRun backup = backupId != null ? backups.find(backupId).orElseThrow() : chooseOrCreate(agent);
            backupId = backup.id();
            store.setDrillBackup(drill.id(), backupId);
            check.started();
            RestoreTarget target = new RestoreTarget(scratch.resolve("data"),
                    scratch.resolve("checkpoints").resolve("audit-tree-heads.jsonl"), null, null, null);
            BackupReader.Opened opened = reader.open(Path.of(backup.directory()));
            RestoreResult restored = engine.restore(opened, target);
            check.restored(restored);
            DataSource copy = RestoreEngine.sqlite(target.sqliteFile());
            check.counted(DrillCheck.countTables(copy, opened));
            AuditVerification trail = audit.verify(copy, false, target.dataDir(), target.checkpointFile());
            check.audited(trail, restored.auditEvents());
            RecordIntegrity.EncryptionSample sample = records.sample(copy, settings.drillSample());
            check.sampled(sample);
            check.finished();
        } catch (BackupReader.Unreadable e) {
            check.failed("the backup does not verify: " + e.getMessage());
        } catch (RuntimeException e) {
            check.failed(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } finally {
            check.cleanUp(scratch);
        }
        RestoreDrill finished = check.toDrill(drill, backupId, Instant.ofEpochMilli(clock.millis()));
        boolean passed = RestoreDrill.PASSED.equals(finished.status());
        events.atomically(() -> {
            store.finishDrill(finished);
            events.record("restore-drill", Action.E, passed, agent, "RestoreDrill", drill.id(),
                    "restore-drill-failed");
            return null;
        });
        RestoreDrill recorded = store.drill(drill.id()).orElseThrow();
        if (!passed) {
            log.atError().addKeyValue("drill", drill.id()).log("Restore drill failed");
            alerts.raise(FAILURE_ALERT, Alerts.Severity.HIGH, "backup", "Restore drill " + drill.id() + " failed; "
                    + "see the contingency page");
        }
        publisher.publishEvent(new RestoreDrillCompleted(recorded));
        return recorded;
    }

    /** The newest verified backup if it is recent enough to stand for the current data, else a new one. */
    private BackupRun chooseOrCreate(Agent agent) {
        Optional<BackupRun> latest = backups.latestVerified().filter(b -> Duration.between(b.startedAt(),
                clock.instant()).compareTo(settings.interval()) < 0);
        if (latest.isPresent()) {
            return latest.get();
        }
        BackupRun created = backups.create("drill", agent, null);
        if (!BackupRun.COMPLETED.equals(created.status())) {
            throw new IllegalStateException("the backup taken for the drill failed: " + created.failure());
        }
        return created;
    }
}
