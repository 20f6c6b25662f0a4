package dev.safeguard.backup;

import java.time.Instant;
import java.util.List;

/**
 * The result of verifying a backup: the manifest's signature, every file's size and SHA-256, the whole encrypted
 * stream decrypted and parsed (the AEAD detects any changed byte), and the row counts against the manifest.
 *
 * @param backupId  the manifest's id, or {@code null} when the manifest could not be read
 * @param problems  what failed, in words (empty when {@code ok})
 */
public record BackupVerification(String backupId, String directory, boolean ok, List<String> problems, int tables,
                                 long rows, long auditEvents, Instant checkedAt) {

    public BackupVerification {
        problems = List.copyOf(problems);
    }
}
