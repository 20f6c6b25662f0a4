package dev.safeguard.backup;

import dev.safeguard.audit.Alerts;
import dev.safeguard.backup.internal.BackupEvents;
import dev.safeguard.backup.internal.BackupReader;
import dev.safeguard.backup.internal.BackupStore;
import dev.safeguard.backup.internal.BackupWriter;
import dev.safeguard.platform.StorageSettings;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import dev.safeguard.shared.SecurityEvent.Action;
import dev.safeguard.shared.SecurityEvent.Agent;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Data backups (164.308(a)(7)(ii)(A), 164.310(d)(2)(iv)): taken on the schedule, on request or by the
 * {@code backup create} command; verified after writing; pruned to the newest {@code safeguard.backup.keep}.
 *
 * <p>Guarantees: a backup is one consistent snapshot of every application table (sessions and Flyway's history
 * excepted), encrypted under its own key that only the master key unwraps, with the audit checkpoints the snapshot
 * covers and an Ed25519-signed manifest of hashes and row counts. One backup runs at a time on a node (a second
 * request gets 409). Its record and audit event ({@code type=backup}) commit together; a failure is recorded,
 * audited as a serious failure and alerted, and leaves no partial directory behind.
 */
@Service
public class Backups {

    private static final Logger log = LoggerFactory.getLogger(Backups.class);
    public static final String FAILURE_ALERT = "backup-failure";
    static final int MAX_LIST = 200;

    private final BackupSettings settings;
    private final StorageSettings storage;
    private final BackupWriter writer;
    private final BackupReader reader;
    private final BackupStore store;
    private final BackupEvents events;
    private final Alerts alerts;
    private final Clock clock;
    private final Semaphore permit = new Semaphore(1);
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "backup");
        thread.setDaemon(true);
        return thread;
    });

    Backups(BackupSettings settings, StorageSettings storage, BackupWriter writer, BackupReader reader,
            BackupStore store, BackupEvents events, Alerts alerts, Clock clock) {
        Path data = storage.dataDir().toAbsolutePath().normalize();
        if (settings.backupDir().startsWith(data) || data.startsWith(settings.backupDir())) {
            throw new IllegalArgumentException("safeguard.backup.dir (" + settings.backupDir() + ") must be outside "
                    + "the data directory " + data + ": a backup must survive the loss of the data directory");
        }
        this.settings = settings;
        this.storage = storage;
        this.writer = writer;
        this.reader = reader;
        this.store = store;
        this.events = events;
        this.alerts = alerts;
        this.clock = clock;
    }

    /** Marks backups and drills that were running when the server last stopped as failed; removes partial files. */
    @EventListener(ApplicationReadyEvent.class)
    void cleanUpInterrupted() {
        if (!settings.scheduled()) {
            return;
        }
        int interrupted = store.failInterrupted(clock.millis());
        if (interrupted > 0) {
            log.atWarn().addKeyValue("interrupted", interrupted).log("Backups or drills were interrupted by a stop");
        }
        Path dir = settings.backupDir();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> entries = Files.list(dir)) {
                for (Path partial : entries.filter(p -> p.getFileName().toString().endsWith(".partial")).toList()) {
                    deleteTree(partial);
                }
            } catch (IOException e) {
                log.atWarn().addKeyValue("dir", dir.toString()).log("Cannot list the backup directory");
            }
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /** Takes a backup now and waits for it (and its verification); returns its record, completed or failed. */
    public BackupRun create(String origin, Agent agent, Path toDir) {
        acquire();
        try {
            Begun begun = begin(origin, agent);
            return finish(begun, agent, toDir == null ? settings.backupDir() : toDir.toAbsolutePath().normalize());
        } finally {
            permit.release();
        }
    }

    /** Starts a backup in the background; returns its record, {@code running}. */
    public BackupRun start(String origin, Agent agent) {
        acquire();
        try {
            Begun begun = begin(origin, agent);
            worker.execute(() -> {
                try {
                    finish(begun, agent, settings.backupDir());
                } finally {
                    permit.release();
                }
            });
            return store.backup(begun.started().id()).orElseThrow();
        } catch (RuntimeException e) {
            permit.release();
            throw e;
        }
    }

    /** Whether a backup is running on this node now. */
    public boolean running() {
        return permit.availablePermits() == 0;
    }

    private record Begun(BackupWriter.Started started, Instant startedAt) {
    }

    private void acquire() {
        if (!permit.tryAcquire()) {
            throw new ProblemException(ProblemKind.CONFLICT, "A backup is running already; wait for it to finish");
        }
    }

    /** Fixes the snapshot first, then records the backup as running: the backup never holds its own record. */
    private Begun begin(String origin, Agent agent) {
        String id = UUID.randomUUID().toString();
        Instant now = Instant.ofEpochMilli(clock.millis());
        BackupWriter.Started started = writer.begin(id, now);
        try {
            store.insertBackup(id, origin, agent.userId(), now.toEpochMilli(), writer.sourceDatabase());
        } catch (RuntimeException e) {
            started.close();
            throw e;
        }
        return new Begun(started, now);
    }

    private BackupRun finish(Begun begun, Agent agent, Path dir) {
        String id = begun.started().id();
        long t0 = System.nanoTime();
        BackupWriter.Written written;
        try {
            written = writer.write(begun.started(), dir);
        } catch (RuntimeException e) {
            String failure = abbreviate(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            events.atomically(() -> {
                store.failBackup(id, clock.millis(), failure);
                events.record("create", Action.C, false, agent, "Backup", id, "backup-failed");
                return null;
            });
            log.atError().addKeyValue("backup", id).addKeyValue("error", e.getClass().getSimpleName())
                    .log("Backup failed");
            alerts.raise(FAILURE_ALERT, Alerts.Severity.HIGH, "backup", "Backup " + id + " failed; see the "
                    + "contingency page");
            return store.backup(id).orElseThrow();
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        events.atomically(() -> {
            store.completeBackup(id, clock.millis(), new BackupStore.Completed(written.directory().toString(),
                    written.schemaVersion(), written.sizeBytes(), written.rows(), written.tables(),
                    written.auditEvents(), written.manifestSha256(), millis));
            events.record("create", Action.C, true, agent, "Backup", id, null);
            return null;
        });
        if (settings.verifyAfterCreate()) {
            verify(id, agent);
        }
        prune(agent);
        return store.backup(id).orElseThrow();
    }

    /** Verifies a recorded backup now; the result is recorded on it and audited (a failure as serious, alerted). */
    public BackupVerification verify(String id, Agent agent) {
        BackupRun run = find(id).orElseThrow(() -> new ProblemException(ProblemKind.NOT_FOUND, "No backup " + id));
        if (!BackupRun.COMPLETED.equals(run.status()) || run.prunedAt() != null) {
            throw new ProblemException(ProblemKind.CONFLICT, "Backup " + id + " is " + (run.prunedAt() != null
                    ? "pruned (its files were deleted)" : run.status()) + "; only a completed backup can be verified");
        }
        return verifyDirectory(Path.of(run.directory()), agent);
    }

    /**
     * Verifies the backup in {@code dir}: signature, hashes, the whole encrypted stream and row counts. Recorded on
     * the backup's row when it is one of this installation's.
     */
    public BackupVerification verifyDirectory(Path dir, Agent agent) {
        BackupVerification result = reader.verify(dir);
        String entity = result.backupId() == null ? null : result.backupId();
        // Recorded on the backup only when this is its own directory, not a copy elsewhere.
        boolean own = entity != null && store.backup(entity).map(BackupRun::directory)
                .filter(d -> Path.of(d).equals(dir.toAbsolutePath().normalize())).isPresent();
        events.atomically(() -> {
            if (own) {
                store.recordVerification(entity, result.checkedAt().toEpochMilli(), result.ok(), result.ok() ? null
                        : abbreviate(result.problems().get(0)));
            }
            events.record("verify", Action.E, result.ok(), agent, "Backup", entity, "backup-verification-failed");
            return null;
        });
        if (!result.ok()) {
            alerts.raise(FAILURE_ALERT, Alerts.Severity.HIGH, "backup", "A backup failed verification ("
                    + (entity == null ? "unreadable manifest" : "backup " + entity) + ")");
        }
        return result;
    }

    /** Deletes the files of completed backups beyond the newest {@code keep}; their records stay (pruned). */
    int prune(Agent agent) {
        List<BackupRun> retained = store.retained();
        int pruned = 0;
        for (BackupRun old : retained.subList(Math.min(settings.keep(), retained.size()), retained.size())) {
            Path dir = Path.of(old.directory());
            if (Files.exists(dir) && !Files.exists(dir.resolve("manifest.json"))) {
                continue;
            }
            deleteTree(dir);
            events.atomically(() -> {
                store.markPruned(old.id(), clock.millis());
                events.record("prune", Action.D, true, agent, "Backup", old.id(), null);
                return null;
            });
            pruned++;
        }
        return pruned;
    }

    public List<BackupRun> list() {
        return store.backups(MAX_LIST);
    }

    public Optional<BackupRun> find(String id) {
        return id == null ? Optional.empty() : store.backup(id);
    }

    /** The newest completed backup that verified and whose files are kept. */
    public Optional<BackupRun> latestVerified() {
        return store.latestVerified().filter(b -> b.prunedAt() == null);
    }

    /** The newest backup whatever its state, if any. */
    public Optional<BackupRun> latest() {
        return store.backups(1).stream().findFirst();
    }

    public BackupSettings settings() {
        return settings;
    }

    public String sourceDatabase() {
        return storage.postgres() ? "postgresql" : "sqlite";
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            log.atWarn().addKeyValue("dir", dir.toString()).log("Cannot delete an old backup directory");
        }
    }

    static String abbreviate(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 1000) + "…";
    }
}
