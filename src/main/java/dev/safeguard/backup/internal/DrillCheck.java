package dev.safeguard.backup.internal;

import dev.safeguard.audit.AuditVerification;
import dev.safeguard.backup.RestoreDrill;
import dev.safeguard.backup.RestoreResult;
import dev.safeguard.records.RecordIntegrity;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * What one restore drill found, step by step, and its recovery time on a monotonic clock (from the start of the
 * restore to the end of the last verification). The first failure is what the drill reports.
 */
public final class DrillCheck {

    private long startedNanos;
    private Long recoveryMillis;
    private RestoreResult restored;
    private Integer tables;
    private AuditVerification trail;
    private RecordIntegrity.EncryptionSample sample;
    private final List<String> failures = new ArrayList<>();

    public void started() {
        startedNanos = System.nanoTime();
    }

    public void restored(RestoreResult result) {
        this.restored = result;
    }

    /** Every table's row count in the copy equals the manifest's. */
    public static int countTables(DataSource copy, BackupReader.Opened backup) {
        try (Connection c = copy.getConnection(); Statement s = c.createStatement()) {
            int matched = 0;
            for (Manifest.TableEntry table : backup.manifest().tables()) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + Tables.quote(table.name()))) {
                    rs.next();
                    if (rs.getLong(1) != table.rows()) {
                        throw new IllegalStateException("table " + table.name() + " holds " + rs.getLong(1)
                                + " rows in the restored copy; the backup's manifest says " + table.rows());
                    }
                }
                matched++;
            }
            return matched;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the restored rows: " + e.getMessage(), e);
        }
    }

    public void counted(int tablesMatched) {
        this.tables = tablesMatched;
    }

    public void audited(AuditVerification verification, long expectedEvents) {
        this.trail = verification;
        if (!verification.ok()) {
            failures.add("the restored audit trail does not verify at event " + verification.firstBadSeq() + ": "
                    + verification.reason());
        } else if (verification.treeSize() != expectedEvents) {
            failures.add("the restored audit trail holds " + verification.treeSize() + " events; the backup holds "
                    + expectedEvents);
        }
    }

    public void sampled(RecordIntegrity.EncryptionSample result) {
        this.sample = result;
        if (!result.failures().isEmpty()) {
            RecordIntegrity.Failure first = result.failures().get(0);
            failures.add(result.failures().size() + " of " + result.sampled() + " sampled resource versions do not "
                    + "decrypt in the restored copy (first: " + first.resourceType() + "/" + first.id() + "/_history/"
                    + first.version() + ": " + first.reason() + ")");
        }
    }

    public void finished() {
        recoveryMillis = Math.max(1, (System.nanoTime() - startedNanos) / 1_000_000);
    }

    public void failed(String why) {
        failures.add(why);
    }

    /** Deletes the scratch directory; a failure to delete fails the drill (a copy must not be left behind). */
    public void cleanUp(Path scratch) {
        try {
            BackupFiles.deleteTree(scratch);
        } catch (IOException e) {
            failures.add("the scratch directory " + scratch + " could not be deleted; remove it by hand");
        }
    }

    public RestoreDrill toDrill(RestoreDrill running, String backupId, Instant finishedAt) {
        boolean passed = failures.isEmpty() && recoveryMillis != null;
        String failure = failures.isEmpty() ? (passed ? null : "the drill did not finish") : failures.get(0);
        if (failure != null && failure.length() > 1000) {
            failure = failure.substring(0, 1000) + "…";
        }
        return new RestoreDrill(running.id(), running.trigger(), running.requestedBy(), backupId, running.startedAt(),
                finishedAt, passed ? RestoreDrill.PASSED : RestoreDrill.FAILED, passed ? recoveryMillis : null,
                tables, restored == null ? null : restored.rows(), trail == null ? null : trail.treeSize(),
                trail == null ? null : trail.headsChecked(), sample == null ? null : sample.sampled(),
                sample == null ? null : sample.encrypted(), "sqlite", failure);
    }
}
