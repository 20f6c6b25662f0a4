package dev.safeguard.program.risk;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code program_risk_analyses} table: finalized snapshots, inserted once, never changed. */
@Repository
public class AnalysisStore {

    /** A stored analysis; {@code reviewDue} as {@code yyyy-MM-dd}; the snapshot only when asked for. */
    public record Row(String id, int version, String scope, long finalizedAt, String finalizedBy, String reviewDue,
                      int riskCount, String snapshotSha256, String snapshot) {
    }

    private static final String SUMMARY = "id, version, scope, finalized_at, finalized_by, review_due, risk_count, "
            + "snapshot_sha256";

    private final JdbcClient jdbc;

    AnalysisStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Row r) {
        jdbc.sql("INSERT INTO program_risk_analyses (" + SUMMARY + ", snapshot) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(r.id(), r.version(), r.scope(), r.finalizedAt(), r.finalizedBy(), r.reviewDue(), r.riskCount(),
                        r.snapshotSha256(), r.snapshot())
                .update();
    }

    public int latestVersion() {
        return jdbc.sql("SELECT COALESCE(MAX(version), 0) FROM program_risk_analyses").query(Integer.class).single();
    }

    /** Summaries, newest first. */
    public List<Row> list() {
        return jdbc.sql("SELECT " + SUMMARY + " FROM program_risk_analyses ORDER BY version DESC")
                .query((rs, n) -> row(rs, null)).list();
    }

    public Optional<Row> latest() {
        return jdbc.sql("SELECT " + SUMMARY + " FROM program_risk_analyses ORDER BY version DESC LIMIT 1")
                .query((rs, n) -> row(rs, null)).optional();
    }

    /** One analysis with its snapshot. */
    public Optional<Row> find(String id) {
        return jdbc.sql("SELECT " + SUMMARY + ", snapshot FROM program_risk_analyses WHERE id = ?").param(id)
                .query((rs, n) -> row(rs, rs.getString("snapshot"))).optional();
    }

    private static Row row(ResultSet rs, String snapshot) throws SQLException {
        return new Row(rs.getString("id"), rs.getInt("version"), rs.getString("scope"), rs.getLong("finalized_at"),
                rs.getString("finalized_by"), rs.getString("review_due"), rs.getInt("risk_count"),
                rs.getString("snapshot_sha256"), snapshot);
    }
}
