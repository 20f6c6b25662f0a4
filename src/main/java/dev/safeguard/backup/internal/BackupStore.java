package dev.safeguard.backup.internal;

import dev.safeguard.backup.BackupRun;
import dev.safeguard.backup.KeyExport;
import dev.safeguard.backup.RestoreDrill;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code backup_runs}, {@code backup_restore_drills} and {@code backup_key_exports} tables. A backup or drill is
 * inserted {@code running} and finished exactly once ({@link #completeBackup}, {@link #failBackup},
 * {@link #finishDrill} refuse a second finish).
 */
@Repository
public class BackupStore {

    private static final String RUN_COLUMNS = "id, origin, requested_by, started_at, finished_at, status, directory, "
            + "source_database, schema_version, size_bytes, row_count, table_count, audit_events, manifest_sha256, "
            + "duration_ms, verified_at, verified_ok, verification_problem, failure, pruned_at";
    private static final String DRILL_COLUMNS = "id, origin, requested_by, backup_id, started_at, finished_at, status, "
            + "recovery_ms, tables_checked, rows_restored, audit_events, audit_heads, sample_size, sample_decrypted, "
            + "target_database, failure";

    private final JdbcClient jdbc;

    BackupStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A completed backup's facts. */
    public record Completed(String directory, String schemaVersion, long sizeBytes, long rows, int tables,
                            long auditEvents, String manifestSha256, long durationMillis) {
    }

    public void insertBackup(String id, String origin, String requestedBy, long startedAt, String sourceDatabase) {
        jdbc.sql("INSERT INTO backup_runs (id, origin, requested_by, started_at, status, source_database) "
                + "VALUES (?, ?, ?, ?, 'running', ?)").params(id, origin, requestedBy, startedAt, sourceDatabase)
                .update();
    }

    public boolean completeBackup(String id, long finishedAt, Completed c) {
        return jdbc.sql("UPDATE backup_runs SET status = 'completed', finished_at = ?, directory = ?, "
                        + "schema_version = ?, size_bytes = ?, row_count = ?, table_count = ?, audit_events = ?, "
                        + "manifest_sha256 = ?, duration_ms = ? WHERE id = ? AND status = 'running'")
                .params(finishedAt, c.directory(), c.schemaVersion(), c.sizeBytes(), c.rows(), c.tables(),
                        c.auditEvents(), c.manifestSha256(), c.durationMillis(), id).update() == 1;
    }

    public boolean failBackup(String id, long finishedAt, String failure) {
        return jdbc.sql("UPDATE backup_runs SET status = 'failed', finished_at = ?, failure = ? WHERE id = ? "
                + "AND status = 'running'").params(finishedAt, failure, id).update() == 1;
    }

    public void recordVerification(String id, long at, boolean ok, String problem) {
        jdbc.sql("UPDATE backup_runs SET verified_at = ?, verified_ok = ?, verification_problem = ? WHERE id = ?")
                .params(at, ok ? 1 : 0, problem, id).update();
    }

    public void markPruned(String id, long at) {
        jdbc.sql("UPDATE backup_runs SET pruned_at = ? WHERE id = ? AND pruned_at IS NULL").params(at, id).update();
    }

    /** Marks what was running when the process stopped as failed; returns how many. */
    public int failInterrupted(long at) {
        int backups = jdbc.sql("UPDATE backup_runs SET status = 'failed', finished_at = ?, failure = 'interrupted: "
                + "the process stopped before the backup finished' WHERE status = 'running'").param(at).update();
        int drills = jdbc.sql("UPDATE backup_restore_drills SET status = 'failed', finished_at = ?, failure = "
                + "'interrupted: the process stopped before the drill finished' WHERE status = 'running'").param(at)
                .update();
        return backups + drills;
    }

    public Optional<BackupRun> backup(String id) {
        return jdbc.sql("SELECT " + RUN_COLUMNS + " FROM backup_runs WHERE id = ?").param(id)
                .query((rs, n) -> run(rs)).optional();
    }

    /** Backups, newest first, at most {@code limit}. */
    public List<BackupRun> backups(int limit) {
        return jdbc.sql("SELECT " + RUN_COLUMNS + " FROM backup_runs ORDER BY started_at DESC, id LIMIT ?")
                .param(limit).query((rs, n) -> run(rs)).list();
    }

    /** Completed backups whose files were not pruned, newest first. */
    public List<BackupRun> retained() {
        return jdbc.sql("SELECT " + RUN_COLUMNS + " FROM backup_runs WHERE status = 'completed' AND pruned_at IS NULL "
                + "ORDER BY started_at DESC, id").query((rs, n) -> run(rs)).list();
    }

    public Optional<BackupRun> latestVerified() {
        return jdbc.sql("SELECT " + RUN_COLUMNS + " FROM backup_runs WHERE status = 'completed' AND verified_ok = 1 "
                + "ORDER BY started_at DESC, id LIMIT 1").query((rs, n) -> run(rs)).optional();
    }

    public void insertDrill(String id, String origin, String requestedBy, String backupId, long startedAt) {
        jdbc.sql("INSERT INTO backup_restore_drills (id, origin, requested_by, backup_id, started_at, status, "
                + "target_database) VALUES (?, ?, ?, ?, ?, 'running', 'sqlite')")
                .params(id, origin, requestedBy, backupId, startedAt).update();
    }

    public void setDrillBackup(String id, String backupId) {
        jdbc.sql("UPDATE backup_restore_drills SET backup_id = ? WHERE id = ?").params(backupId, id).update();
    }

    public boolean finishDrill(RestoreDrill d) {
        return jdbc.sql("UPDATE backup_restore_drills SET status = ?, finished_at = ?, recovery_ms = ?, "
                        + "tables_checked = ?, rows_restored = ?, audit_events = ?, audit_heads = ?, sample_size = ?, "
                        + "sample_decrypted = ?, failure = ?, backup_id = ? WHERE id = ? AND status = 'running'")
                .params(d.status(), d.finishedAt().toEpochMilli(), d.recoveryMillis(), d.tables(), d.rows(),
                        d.auditEvents(), d.auditHeads(), d.sampleSize(), d.sampleDecrypted(), d.failure(),
                        d.backupId(), d.id()).update() == 1;
    }

    public Optional<RestoreDrill> drill(String id) {
        return jdbc.sql("SELECT " + DRILL_COLUMNS + " FROM backup_restore_drills WHERE id = ?").param(id)
                .query((rs, n) -> drill(rs)).optional();
    }

    public List<RestoreDrill> drills(int limit) {
        return jdbc.sql("SELECT " + DRILL_COLUMNS + " FROM backup_restore_drills ORDER BY started_at DESC, id LIMIT ?")
                .param(limit).query((rs, n) -> drill(rs)).list();
    }

    /** The latest finished drill (passed or failed). */
    public Optional<RestoreDrill> latestFinishedDrill() {
        return jdbc.sql("SELECT " + DRILL_COLUMNS + " FROM backup_restore_drills WHERE status <> 'running' "
                + "ORDER BY started_at DESC, id LIMIT 1").query((rs, n) -> drill(rs)).optional();
    }

    public void insertKeyExport(KeyExport e) {
        jdbc.sql("INSERT INTO backup_key_exports (id, exported_at, exported_by, file, sha256, key_files, "
                        + "master_key_included) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(e.id(), e.exportedAt().toEpochMilli(), e.exportedBy(), e.file(), e.sha256(),
                        String.join(",", e.keyFiles()), e.masterKeyIncluded() ? 1 : 0).update();
    }

    public List<KeyExport> keyExports(int limit) {
        return jdbc.sql("SELECT id, exported_at, exported_by, file, sha256, key_files, master_key_included FROM "
                + "backup_key_exports ORDER BY exported_at DESC, id LIMIT ?").param(limit).query((rs, n) ->
                new KeyExport(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3), rs.getString(4),
                        rs.getString(5), Arrays.stream(rs.getString(6).split(",")).filter(s -> !s.isBlank()).toList(),
                        rs.getInt(7) == 1)).list();
    }

    private static BackupRun run(ResultSet rs) throws SQLException {
        Integer verifiedOk = integer(rs, "verified_ok");
        return new BackupRun(rs.getString("id"), rs.getString("origin"), rs.getString("requested_by"),
                instant(rs, "started_at"), instant(rs, "finished_at"), rs.getString("status"),
                rs.getString("directory"), rs.getString("source_database"), rs.getString("schema_version"),
                number(rs, "size_bytes"), number(rs, "row_count"), integer(rs, "table_count"),
                number(rs, "audit_events"), rs.getString("manifest_sha256"), number(rs, "duration_ms"),
                instant(rs, "verified_at"), verifiedOk == null ? null : verifiedOk == 1,
                rs.getString("verification_problem"), rs.getString("failure"), instant(rs, "pruned_at"));
    }

    private static RestoreDrill drill(ResultSet rs) throws SQLException {
        return new RestoreDrill(rs.getString("id"), rs.getString("origin"), rs.getString("requested_by"),
                rs.getString("backup_id"), instant(rs, "started_at"), instant(rs, "finished_at"),
                rs.getString("status"), number(rs, "recovery_ms"), integer(rs, "tables_checked"),
                number(rs, "rows_restored"), number(rs, "audit_events"), integer(rs, "audit_heads"),
                integer(rs, "sample_size"), integer(rs, "sample_decrypted"), rs.getString("target_database"),
                rs.getString("failure"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Long millis = number(rs, column);
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    private static Long number(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
