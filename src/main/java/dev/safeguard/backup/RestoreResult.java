package dev.safeguard.backup;

import java.nio.file.Path;
import java.time.Instant;

/**
 * What a restore wrote.
 *
 * @param tables           tables restored, each with the row count of the manifest
 * @param rows             rows inserted
 * @param checkpointHeads  signed tree heads written to the restored checkpoint file
 * @param elapsedMillis    from the start of the restore to the last row committed
 */
public record RestoreResult(String backupId, Instant backupCreatedAt, String sourceDatabase, String schemaVersion,
                            RestoreTarget target, int tables, long rows, long auditEvents, int checkpointHeads,
                            long elapsedMillis) {
}
