package dev.safeguard.program.policies;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code program_policy_versions} table. Every change is a guarded {@code UPDATE ... WHERE state = ?} that
 * reports whether it applied, so a transition made by someone else meanwhile is seen as a conflict; the table's
 * triggers refuse anything else (editing an approved, effective or superseded version, a transition out of order,
 * moving the retention date earlier, deleting before it).
 */
@Repository
public class PolicyVersionStore {

    /** A stored version; times in epoch milliseconds, {@code effectiveOn} an ISO date. */
    public record Row(String policyId, int version, String state, String markdown, String contentSha256,
                      String changeSummary, long createdAt, String createdBy, long editedAt, String editedBy,
                      Long approvedAt, String approvedBy, String approvalNote, String approvalEvidence,
                      String effectiveOn, String effectiveBy, String effectiveEvidence, Long effectiveAt,
                      Long supersededAt, Integer supersededByVersion, Long retainUntil) {
    }

    private static final String COLUMNS = "policy_id, version, state, markdown, content_sha256, change_summary, "
            + "created_at, created_by, edited_at, edited_by, approved_at, approved_by, approval_note, "
            + "approval_evidence, effective_on, effective_by, effective_evidence, effective_at, superseded_at, "
            + "superseded_by_version, retain_until";

    private final JdbcClient jdbc;

    PolicyVersionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a new draft. */
    public void insertDraft(String policyId, int version, String markdown, String sha256, String summary, long at,
                            String by, long retainUntil) {
        jdbc.sql("INSERT INTO program_policy_versions (policy_id, version, state, markdown, content_sha256, "
                        + "change_summary, created_at, created_by, edited_at, edited_by, retain_until) "
                        + "VALUES (?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(policyId, version, markdown, sha256, summary, at, by, at, by, retainUntil).update();
    }

    public Optional<Row> find(String policyId, int version) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM program_policy_versions WHERE policy_id = ? AND version = ?")
                .params(policyId, version).query((rs, n) -> row(rs)).optional();
    }

    /** The policy's versions, newest first. */
    public List<Row> list(String policyId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM program_policy_versions WHERE policy_id = ? ORDER BY version "
                + "DESC").param(policyId).query((rs, n) -> row(rs)).list();
    }

    /** Every version in {@code state}, of every policy. */
    public List<Row> inState(String state) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM program_policy_versions WHERE state = ? ORDER BY policy_id")
                .param(state).query((rs, n) -> row(rs)).list();
    }

    /** Approved versions whose effective date has come ({@code effectiveOn} an ISO date, compared as text). */
    public List<Row> scheduledBy(String isoDate) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM program_policy_versions WHERE state = 'approved' AND "
                + "effective_on IS NOT NULL AND effective_on <= ? ORDER BY effective_on, policy_id").param(isoDate)
                .query((rs, n) -> row(rs)).list();
    }

    /** Replaces a draft's text; false when the version is no longer a draft (or its text changed meanwhile). */
    public boolean editDraft(String policyId, int version, String baseSha256, String markdown, String sha256,
                             String summary, long at, String by) {
        return jdbc.sql("UPDATE program_policy_versions SET markdown = ?, content_sha256 = ?, change_summary = ?, "
                        + "edited_at = ?, edited_by = ? WHERE policy_id = ? AND version = ? AND state = 'draft' AND "
                        + "content_sha256 = ?")
                .params(markdown, sha256, summary, at, by, policyId, version, baseSha256).update() == 1;
    }

    /** Approves a draft still holding {@code sha256} and written by someone else; false otherwise. */
    public boolean approve(String policyId, int version, String sha256, long at, String by, String note,
                           String evidenceId) {
        return jdbc.sql("UPDATE program_policy_versions SET state = 'approved', approved_at = ?, approved_by = ?, "
                        + "approval_note = ?, approval_evidence = ? WHERE policy_id = ? AND version = ? AND "
                        + "state = 'draft' AND content_sha256 = ? AND created_by <> ? AND edited_by <> ?")
                .params(at, by, note, evidenceId, policyId, version, sha256, by, by).update() == 1;
    }

    /** Sets when an approved version takes effect, and who decided it. */
    public boolean schedule(String policyId, int version, String effectiveOn, String by, String evidenceId) {
        return jdbc.sql("UPDATE program_policy_versions SET effective_on = ?, effective_by = ?, effective_evidence = ? "
                        + "WHERE policy_id = ? AND version = ? AND state = 'approved'")
                .params(effectiveOn, by, evidenceId, policyId, version).update() == 1;
    }

    /** Makes an approved version effective: retained for as long as it is in force (no retention date). */
    public boolean activate(String policyId, int version, long at) {
        return jdbc.sql("UPDATE program_policy_versions SET state = 'effective', effective_at = ?, retain_until = NULL "
                        + "WHERE policy_id = ? AND version = ? AND state = 'approved' AND effective_on IS NOT NULL")
                .params(at, policyId, version).update() == 1;
    }

    public boolean supersede(String policyId, int version, long at, int byVersion, long retainUntil) {
        return jdbc.sql("UPDATE program_policy_versions SET state = 'superseded', superseded_at = ?, "
                        + "superseded_by_version = ?, retain_until = ? WHERE policy_id = ? AND version = ? AND "
                        + "state = 'effective'")
                .params(at, byVersion, retainUntil, policyId, version).update() == 1;
    }

    /** Deletes the version (the database refuses it before its retention date). */
    public boolean delete(String policyId, int version) {
        return jdbc.sql("DELETE FROM program_policy_versions WHERE policy_id = ? AND version = ?")
                .params(policyId, version).update() == 1;
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getString("policy_id"), rs.getInt("version"), rs.getString("state"),
                rs.getString("markdown"), rs.getString("content_sha256"), rs.getString("change_summary"),
                rs.getLong("created_at"), rs.getString("created_by"), rs.getLong("edited_at"),
                rs.getString("edited_by"), nullableLong(rs, "approved_at"), rs.getString("approved_by"),
                rs.getString("approval_note"), rs.getString("approval_evidence"), rs.getString("effective_on"),
                rs.getString("effective_by"), rs.getString("effective_evidence"), nullableLong(rs, "effective_at"),
                nullableLong(rs, "superseded_at"), nullableInt(rs, "superseded_by_version"),
                nullableLong(rs, "retain_until"));
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
