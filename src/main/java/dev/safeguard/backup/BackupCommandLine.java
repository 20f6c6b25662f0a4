package dev.safeguard.backup;

import dev.safeguard.audit.AuditEvent;
import dev.safeguard.audit.AuditIntegrity;
import dev.safeguard.audit.AuditTrail;
import dev.safeguard.audit.AuditVerification;
import dev.safeguard.backup.internal.BackupEvents;
import dev.safeguard.crypto.KeyMaterialBackup;
import dev.safeguard.records.RecordIntegrity;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.SecurityEvent.Action;
import dev.safeguard.shared.SecurityEvent.Agent;
import dev.safeguard.shared.SecurityEvent.Outcome;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar safeguard.jar backup ...}: the operator's backup, verify, restore and key-backup commands. They
 * print human-readable results and exit 0 on success, 1 when the operation or a verification failed, 2 for bad
 * arguments or a target that is refused (nothing is changed then); never a stack trace. What they do is written to the
 * audit trail of the installation they act on (a restore: to the restored one).
 */
public final class BackupCommandLine {

    public static final String USAGE = """
            Usage: java -jar safeguard.jar backup create [--to DIR]        encrypted backup (default dir ./backups)
                   java -jar safeguard.jar backup verify DIR               check signature, hashes, the whole stream
                   java -jar safeguard.jar backup restore DIR --data-dir NEW [--checkpoint-file FILE]
                                           [--keys-dir DIR] [--db-url jdbc:postgresql://... --db-username USER]
                                                                           restore into a new, empty data directory
                                                                           (PostgreSQL password in
                                                                           SAFEGUARD_RESTORE_DB_PASSWORD)
                   java -jar safeguard.jar backup list                     recorded backups and restore drills
                   java -jar safeguard.jar backup keys [--to DIR]          back up the key directory under the
                                                                           passphrase in SAFEGUARD_BACKUP_PASSPHRASE
                   java -jar safeguard.jar backup keys restore FILE --keys-dir DIR
                                                                           restore a key backup into an empty key dir
            """;

    /** Starts a non-web Safeguard context with extra {@code --property=value} arguments (highest precedence). */
    @FunctionalInterface
    public interface Contexts {
        ConfigurableApplicationContext start(String... arguments);
    }

    static final String NO_SCHEDULE = "--safeguard.backup.scheduled=false";

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final Contexts contexts;

    private BackupCommandLine(PrintStream out, PrintStream err, Map<String, String> env, Contexts contexts) {
        this.out = out;
        this.err = err;
        this.env = env;
        this.contexts = contexts;
    }

    /** Runs {@code backup <args>}; returns the exit code. */
    public static int run(List<String> args, PrintStream out, PrintStream err, Map<String, String> env,
                          Contexts contexts) {
        return new BackupCommandLine(out, err, env, contexts).run(args);
    }

    private int run(List<String> args) {
        CommandArguments parsed;
        try {
            parsed = CommandArguments.parse(args);
        } catch (CommandArguments.Invalid e) {
            err.println(e.getMessage());
            err.print(USAGE);
            return 2;
        }
        try {
            return switch (parsed.command()) {
                case "create" -> create(parsed);
                case "verify" -> verify(parsed);
                case "restore" -> restore(parsed);
                case "list" -> list();
                case "keys" -> keys(parsed);
                case "keys restore" -> keysRestore(parsed);
                default -> throw new IllegalStateException(parsed.command());
            };
        } catch (ProblemException | KeyMaterialBackup.Refused | CommandArguments.Invalid e) {
            err.println("Refused: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            err.println("backup " + parsed.command() + " failed: " + message(e));
            return 1;
        }
    }

    private int create(CommandArguments a) {
        Path to = a.path("--to");
        try (ConfigurableApplicationContext context = contexts.start(NO_SCHEDULE)) {
            BackupRun run = context.getBean(Backups.class).create("command", BackupEvents.command("backup create"),
                    to);
            if (!BackupRun.COMPLETED.equals(run.status())) {
                err.println("BACKUP FAILED: " + run.failure());
                return 1;
            }
            out.printf("Backup %s completed in %s: %s%n", run.id(), CommandOutput.duration(run.durationMillis()),
                    run.directory());
            out.printf("  %d tables, %,d rows, %s (encrypted, compressed); schema version %s, %s%n", run.tables(),
                    run.rows(), CommandOutput.size(run.sizeBytes()), run.schemaVersion(), run.sourceDatabase());
            out.printf("  audit trail: %,d events and the signed tree heads that cover them%n", run.auditEvents());
            if (run.verified() != null) {
                out.println(run.verified() ? "  verified: OK (signature, SHA-256 of every file, the whole encrypted "
                        + "stream, row counts)" : "  VERIFICATION FAILED: " + run.verificationProblem());
            }
            KeyBackups keys = context.getBean(KeyBackups.class);
            out.println("Key material is not in this backup; back it up with 'backup keys' (latest key backup: "
                    + keys.latest().map(k -> k.exportedAt().toString()).orElse("never") + ").");
            return Boolean.FALSE.equals(run.verified()) ? 1 : 0;
        }
    }

    private int verify(CommandArguments a) {
        Path dir = a.positional(0);
        CommandEnvironment environment = new CommandEnvironment(env, null);
        environment.requireKeys();
        boolean installed = environment.installationExists();
        try (CommandEnvironment.Scratch scratch = installed ? null : CommandEnvironment.Scratch.create();
             ConfigurableApplicationContext context = installed ? contexts.start(NO_SCHEDULE)
                     : contexts.start(scratch.arguments(environment.keysDir()))) {
            BackupVerification result = context.getBean(Backups.class).verifyDirectory(dir,
                    BackupEvents.command("backup verify"));
            if (!installed) {
                out.println("(No Safeguard database here: the verification is not recorded in an audit trail.)");
            }
            if (result.ok()) {
                out.printf("Backup OK: %s (%d tables, %,d rows, %,d audit events; signature, SHA-256 of every file, "
                        + "the whole encrypted stream and the row counts checked)%n", result.backupId(),
                        result.tables(), result.rows(), result.auditEvents());
                return 0;
            }
            out.println("BACKUP FAILED VERIFICATION: " + result.directory());
            result.problems().forEach(p -> out.println("  " + p));
            return 1;
        }
    }

    private int restore(CommandArguments a) {
        Path dir = a.positional(0);
        Path dataDir = a.requiredPath("--data-dir");
        Path checkpoint = a.path("--checkpoint-file");
        RestoreTarget target = new RestoreTarget(dataDir, checkpoint == null
                ? RestoreTarget.defaultCheckpointFile(dataDir) : checkpoint, a.option("--db-url"),
                a.option("--db-username"), env.get("SAFEGUARD_RESTORE_DB_PASSWORD"));
        if (target.postgres() && target.dbUsername() == null) {
            throw new CommandArguments.Invalid("--db-url needs --db-username (and the password in "
                    + "SAFEGUARD_RESTORE_DB_PASSWORD)");
        }
        if (!Files.isRegularFile(dir.resolve("manifest.json"))) {
            throw new CommandArguments.Invalid(dir + " is not a Safeguard backup (no manifest.json)");
        }
        dev.safeguard.backup.internal.RestoreEngine.checkNew(target);
        CommandEnvironment environment = new CommandEnvironment(env, a.path("--keys-dir"));
        environment.requireKeys();
        RestoreResult result;
        // The restore itself runs in a throw-away installation: it only needs the keys, and must not create or
        // touch a database anywhere else.
        try (CommandEnvironment.Scratch scratch = CommandEnvironment.Scratch.create();
             ConfigurableApplicationContext context = contexts.start(scratch.arguments(environment.keysDir()))) {
            result = context.getBean(Restores.class).restore(dir, target);
        }
        out.printf("Restored backup %s (made %s on %s, schema version %s) in %s%n", result.backupId(),
                result.backupCreatedAt(), result.sourceDatabase(), result.schemaVersion(),
                CommandOutput.duration(result.elapsedMillis()));
        out.printf("  %d tables, %,d rows into %s%n", result.tables(), result.rows(), target.postgres()
                ? "the PostgreSQL database" : target.sqliteFile().toString());
        out.printf("  audit checkpoints: %s (%d signed tree heads)%n", target.checkpointFile(),
                result.checkpointHeads());
        return openRestored(target, environment, result);
    }

    /** Starts the restored installation once: migrations to this release, verification, and its audit record. */
    private int openRestored(RestoreTarget target, CommandEnvironment environment, RestoreResult result) {
        List<String> arguments = new ArrayList<>(List.of(NO_SCHEDULE, "--safeguard.data-dir=" + target.dataDir(),
                "--safeguard.audit.checkpoint-file=" + target.checkpointFile(),
                "--safeguard.keys-dir=" + environment.keysDir(), "--safeguard.db-url=" + (target.postgres()
                        ? target.dbUrl() : "")));
        if (target.postgres()) {
            arguments.add("--safeguard.db-username=" + target.dbUsername());
            arguments.add("--safeguard.db-password=" + (target.dbPassword() == null ? "" : target.dbPassword()));
        }
        try (ConfigurableApplicationContext context = contexts.start(arguments.toArray(String[]::new))) {
            AuditVerification trail = context.getBean(AuditIntegrity.class).verify();
            RecordIntegrity.EncryptionSample sample = context.getBean(RecordIntegrity.class).sampleEncryption(200);
            boolean ok = trail.ok() && sample.failures().isEmpty();
            context.getBean(AuditTrail.class).append(new AuditEvent(BackupEvents.TYPE, "restore", Action.E,
                    ok ? Outcome.SUCCESS : Outcome.SERIOUS_FAILURE, null, BackupEvents.command("backup restore"), null,
                    "Backup", result.backupId(), null, null, null, (int) Math.min(Integer.MAX_VALUE, result.rows()),
                    null, ok ? null : "restore-verification-failed"));
            out.println(trail.ok() ? String.format("  Audit trail OK: %,d events, %d signed tree heads checked",
                    trail.treeSize(), trail.headsChecked()) : "  AUDIT TRAIL FAILED VERIFICATION at event "
                    + trail.firstBadSeq() + ": " + trail.reason());
            out.println(sample.failures().isEmpty() ? String.format("  Decryption OK: %d of %d sampled resource "
                    + "versions", sample.encrypted(), sample.sampled()) : "  DECRYPTION FAILED for "
                    + sample.failures().size() + " of " + sample.sampled() + " sampled resource versions");
            out.println("Start the server on it with:");
            out.println("  SAFEGUARD_DATA_DIR=" + target.dataDir() + " SAFEGUARD_AUDIT_CHECKPOINT_FILE="
                    + target.checkpointFile() + " SAFEGUARD_KEYS_DIR=" + environment.keysDir()
                    + (target.postgres() ? " SAFEGUARD_DB_URL=" + target.dbUrl() + " SAFEGUARD_DB_USERNAME=..."
                    + " SAFEGUARD_DB_PASSWORD=..." : "") + " java -jar safeguard.jar");
            out.println("Sign-ins are not restored: every user signs in again. A new TLS certificate is generated "
                    + "unless SAFEGUARD_TLS_* names yours.");
            return ok ? 0 : 1;
        }
    }

    private int list() {
        try (ConfigurableApplicationContext context = contexts.start(NO_SCHEDULE)) {
            List<BackupRun> runs = context.getBean(Backups.class).list();
            out.println(runs.isEmpty() ? "No backup recorded." : "Backups, newest first:");
            for (BackupRun r : runs) {
                out.printf("  %s  %s  %-9s %-8s %10s  %s%n", r.startedAt(), r.id(), r.status(),
                        r.verified() == null ? "-" : r.verified() ? "verified" : "FAILED",
                        r.sizeBytes() == null ? "" : CommandOutput.size(r.sizeBytes()),
                        r.prunedAt() != null ? "(pruned)" : r.directory() == null ? "" : r.directory());
            }
            List<RestoreDrill> drills = context.getBean(RestoreDrills.class).list();
            out.println(drills.isEmpty() ? "No restore drill recorded." : "Restore drills, newest first:");
            for (RestoreDrill d : drills) {
                out.printf("  %s  %s  %-7s recovery %s  %s%n", d.startedAt(), d.id(), d.status(),
                        d.recoveryMillis() == null ? "-" : CommandOutput.duration(d.recoveryMillis()),
                        d.failure() == null ? "" : d.failure());
            }
            return 0;
        }
    }

    private int keys(CommandArguments a) {
        char[] passphrase = passphrase();
        try (ConfigurableApplicationContext context = contexts.start(NO_SCHEDULE)) {
            KeyBackups keys = context.getBean(KeyBackups.class);
            KeyExport export = keys.export(a.path("--to"), passphrase, BackupEvents.command("backup keys"));
            out.printf("Key backup written: %s%n  SHA-256 %s%n  keysets: %s%n", export.file(), export.sha256(),
                    String.join(", ", export.keyFiles()));
            out.println(export.masterKeyIncluded() ? "  The master key is included: keep this file and its "
                    + "passphrase apart from the data backups." : "  The master key is held by the PKCS#11 HSM and "
                    + "cannot leave it: back the token up with the HSM vendor's procedure; restoring data needs it.");
            return 0;
        } finally {
            java.util.Arrays.fill(passphrase, '\0');
        }
    }

    private int keysRestore(CommandArguments a) {
        char[] passphrase = passphrase();
        try {
            KeyMaterialBackup.Restored restored = KeyMaterialBackup.restore(a.positional(0), passphrase,
                    a.requiredPath("--keys-dir"));
            out.printf("Restored %d keysets into %s: %s%n", restored.keyFiles().size(), restored.keysDir(),
                    String.join(", ", restored.keyFiles()));
            if (!restored.masterKeyIncluded()) {
                out.println("  The master key was on a PKCS#11 HSM (" + restored.masterKeyProvider() + "): configure "
                        + "the same token before restoring data.");
            }
            out.println("(Not recorded in an audit trail: no installation runs here yet; the data restore records "
                    + "itself.)");
            return 0;
        } finally {
            java.util.Arrays.fill(passphrase, '\0');
        }
    }

    private char[] passphrase() {
        String value = env.get("SAFEGUARD_BACKUP_PASSPHRASE");
        char[] passphrase = value == null ? new char[0] : value.toCharArray();
        KeyMaterialBackup.checkPassphrase(passphrase);
        return passphrase;
    }

    private static String message(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        String text = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return text.length() > 2000 ? text.substring(0, 2000) + "…" : text;
    }
}
