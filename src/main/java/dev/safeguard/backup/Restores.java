package dev.safeguard.backup;

import dev.safeguard.backup.internal.BackupReader;
import dev.safeguard.backup.internal.RestoreEngine;
import java.nio.file.Path;
import org.springframework.stereotype.Service;

/**
 * Restore of a backup into a new data directory or an empty PostgreSQL database (164.308(a)(7)(ii)(B)), for the
 * {@code backup restore} command.
 *
 * <p>Guarantees: nothing is written before the manifest's signature, every file's SHA-256 and the backup key check
 * out, and the target is refused unless it is new (an empty or absent data directory, an absent checkpoint file, a
 * database without tables). The restored database holds exactly the backup's rows (counts checked per table); the
 * AEAD stops the restore at the first altered byte, and a failed restore into SQLite removes what it wrote.
 */
@Service
public class Restores {

    private final BackupReader reader;
    private final RestoreEngine engine;

    Restores(BackupReader reader, RestoreEngine engine) {
        this.reader = reader;
        this.engine = engine;
    }

    /**
     * @throws dev.safeguard.shared.ProblemException (conflict) when the target is not new, (validation) when the
     *                                               backup's schema is newer than this release
     * @throws IllegalStateException                 when the backup does not verify or the restore fails
     */
    public RestoreResult restore(Path backupDir, RestoreTarget target) {
        RestoreEngine.checkNew(target);
        BackupReader.Opened opened;
        try {
            opened = reader.open(backupDir);
        } catch (BackupReader.Unreadable e) {
            throw new IllegalStateException("The backup does not verify, nothing was restored: " + e.getMessage());
        }
        return engine.restore(opened, target);
    }
}
