package dev.safeguard.program.checks;

import dev.safeguard.program.CheckRun;
import dev.safeguard.program.Finding;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code program_check_runs} and {@code program_findings}. Runs are insert-only; a finding is closed once. */
@Repository
public class CheckStore {

    private final JdbcClient jdbc;

    public CheckStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insertRun(String id, String checkId, long ranAt, String result, String summary, String evidenceId,
                   String findingId) {
        jdbc.sql("INSERT INTO program_check_runs (id, check_id, ran_at, result, summary, evidence_id, finding_id) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)").params(id, checkId, ranAt, result, summary, evidenceId, findingId)
                .update();
    }

    /** The latest run of each check, by check id. */
    public List<Row> latestRuns() {
        return jdbc.sql("SELECT r.check_id, r.ran_at, r.result, r.summary, r.evidence_id, r.finding_id "
                        + "FROM program_check_runs r WHERE r.ran_at = (SELECT MAX(x.ran_at) FROM program_check_runs x "
                        + "WHERE x.check_id = r.check_id)")
                .query((rs, n) -> new Row(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6))).list();
    }

    public record Row(String checkId, long ranAt, String result, String summary, String evidenceId,
                      String findingId) {
    }

    public Optional<Finding> openFinding(String checkId) {
        return jdbc.sql("SELECT id, check_id, controls, summary, opened_at, closed_at, last_evidence_id "
                + "FROM program_findings WHERE check_id = ? AND closed_at IS NULL").param(checkId)
                .query((rs, n) -> finding(rs)).optional();
    }

    public void openFinding(String id, String checkId, List<String> controls, String summary, long at,
                            String evidenceId) {
        jdbc.sql("INSERT INTO program_findings (id, check_id, controls, summary, opened_at, closed_at, "
                + "last_evidence_id) VALUES (?, ?, ?, ?, ?, NULL, ?)")
                .params(id, checkId, String.join(" ", controls), summary, at, evidenceId).update();
    }

    public void updateFinding(String id, String summary, String evidenceId) {
        jdbc.sql("UPDATE program_findings SET summary = ?, last_evidence_id = ? WHERE id = ?")
                .params(summary, evidenceId, id).update();
    }

    public void closeFinding(String id, long at, String evidenceId) {
        jdbc.sql("UPDATE program_findings SET closed_at = ?, last_evidence_id = ? WHERE id = ? AND closed_at IS NULL")
                .params(at, evidenceId, id).update();
    }

    /** Findings, open ones first then newest. */
    public List<Finding> findings(boolean openOnly) {
        return jdbc.sql("SELECT id, check_id, controls, summary, opened_at, closed_at, last_evidence_id "
                        + "FROM program_findings " + (openOnly ? "WHERE closed_at IS NULL " : "")
                        + "ORDER BY CASE WHEN closed_at IS NULL THEN 0 ELSE 1 END, opened_at DESC LIMIT 500")
                .query((rs, n) -> finding(rs)).list();
    }

    private static Finding finding(java.sql.ResultSet rs) throws java.sql.SQLException {
        long closed = rs.getLong(6);
        Instant closedAt = rs.wasNull() ? null : Instant.ofEpochMilli(closed);
        return new Finding(rs.getString(1), rs.getString(2), Arrays.asList(rs.getString(3).split(" ")),
                rs.getString(4), Instant.ofEpochMilli(rs.getLong(5)), closedAt, rs.getString(7));
    }

    public static CheckRun run(Row r, String title, List<String> controls) {
        return new CheckRun(r.checkId(), title, controls, r.result(), r.summary(), Instant.ofEpochMilli(r.ranAt()),
                r.evidenceId(), r.findingId());
    }
}
