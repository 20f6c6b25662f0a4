package dev.safeguard.backup;

import dev.safeguard.backup.internal.BackupEvents;
import dev.safeguard.backup.internal.BackupStore;
import dev.safeguard.crypto.KeyMaterialBackup;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import dev.safeguard.shared.SecurityEvent.Action;
import dev.safeguard.shared.SecurityEvent.Agent;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Backups of the key material, kept apart from the data backups (164.308(a)(7)(ii)(A)): restoring a data backup
 * needs both, and neither alone reveals ePHI.
 *
 * <p>Guarantees: a key backup is never written into the data backup directory (nor that directory into it); it is
 * encrypted under the operator's passphrase (see {@link KeyMaterialBackup}); its record (file, SHA-256, the keyset
 * names, never their content) and audit event commit together.
 */
@Service
public class KeyBackups {

    private final KeyMaterialBackup keys;
    private final BackupSettings settings;
    private final BackupStore store;
    private final BackupEvents events;
    private final Clock clock;

    KeyBackups(KeyMaterialBackup keys, BackupSettings settings, BackupStore store, BackupEvents events, Clock clock) {
        this.keys = keys;
        this.settings = settings;
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /** Writes a key backup into {@code toDir} ({@code null}: {@code safeguard.backup.keys-dir}). */
    public KeyExport export(Path toDir, char[] passphrase, Agent agent) {
        Path dir = (toDir == null ? settings.keyBackupDir() : toDir).toAbsolutePath().normalize();
        if (dir.startsWith(settings.backupDir()) || settings.backupDir().startsWith(dir)) {
            throw new ProblemException(ProblemKind.VALIDATION, "Write the key backup apart from the data backups: "
                    + dir + " and the backup directory " + settings.backupDir() + " overlap");
        }
        KeyMaterialBackup.Exported exported;
        try {
            exported = keys.export(dir, passphrase, clock.instant());
        } catch (KeyMaterialBackup.Refused e) {
            throw new ProblemException(ProblemKind.VALIDATION, e.getMessage());
        }
        KeyExport export = new KeyExport(UUID.randomUUID().toString(), exported.createdAt(), agent.userId(),
                exported.file().toString(), exported.sha256(), exported.keyFiles(), exported.masterKeyIncluded());
        return events.atomically(() -> {
            store.insertKeyExport(export);
            events.record("key-export", Action.E, true, agent, "KeyBackup", export.id(), null);
            return export;
        });
    }

    public List<KeyExport> list() {
        return store.keyExports(100);
    }

    public Optional<KeyExport> latest() {
        return store.keyExports(1).stream().findFirst();
    }

    /** When a keyset file of the key directory last changed. */
    public Optional<Instant> lastKeyChange() {
        return keys.lastKeyChange();
    }

    public boolean masterKeyOnHsm() {
        return keys.masterKeyOnHsm();
    }
}
