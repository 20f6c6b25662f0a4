package dev.safeguard.backup;

import java.time.Instant;

/**
 * One backup, as recorded: who or what asked for it, where it was written, what it holds and whether it verified.
 *
 * @param trigger             {@code schedule}, {@code request} (API or console), {@code command} or {@code drill}
 * @param requestedBy         the user who asked, or {@code null} for Safeguard itself
 * @param status              {@link #RUNNING}, {@link #COMPLETED} or {@link #FAILED}
 * @param directory           the backup's directory (absolute), or {@code null} before it exists
 * @param sourceDatabase      {@code sqlite} or {@code postgresql}
 * @param schemaVersion       the database's migration version in the snapshot
 * @param sizeBytes           bytes of every file of the backup
 * @param rows                rows of every table in the backup
 * @param tables              tables in the backup
 * @param auditEvents         audit events in the snapshot
 * @param manifestSha256      SHA-256 (hex) of the signed manifest
 * @param durationMillis      from the snapshot to the last file written
 * @param verifiedAt          when it was last verified, or {@code null}
 * @param verified            the result of that verification, or {@code null}
 * @param verificationProblem the first problem it found, or {@code null}
 * @param failure             why the backup failed, or {@code null}
 * @param prunedAt            when the schedule's retention deleted its files, or {@code null}
 */
public record BackupRun(String id, String trigger, String requestedBy, Instant startedAt, Instant finishedAt,
                        String status, String directory, String sourceDatabase, String schemaVersion, Long sizeBytes,
                        Long rows, Integer tables, Long auditEvents, String manifestSha256, Long durationMillis,
                        Instant verifiedAt, Boolean verified, String verificationProblem, String failure,
                        Instant prunedAt) {

    public static final String RUNNING = "running";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";

    /** Completed, verified successfully, and its files still exist (not pruned). */
    public boolean usable() {
        return COMPLETED.equals(status) && Boolean.TRUE.equals(verified) && prunedAt == null;
    }
}
