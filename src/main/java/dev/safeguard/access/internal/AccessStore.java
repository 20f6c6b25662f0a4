package dev.safeguard.access.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code care_team_assignments} and {@code break_glass_grants} tables. Rows are never deleted. */
@Repository
public class AccessStore {

    public record AssignmentRow(String id, String userId, String patientId, long startsAt, Long endsAt,
                                long createdAt, String createdBy, Long endedAt, String endedBy) {
    }

    /** A grant with its reason and notes still sealed. */
    public record GrantRow(String id, String userId, String patientId, String purpose, byte[] reason, long grantedAt,
                           long expiresAt, Long endedAt, String endedBy, Long reviewedAt, String reviewedBy,
                           String reviewOutcome, byte[] reviewNotes) {
    }

    private static final String ASSIGNMENT = "id, user_id, patient_id, starts_at, ends_at, created_at, created_by, "
            + "ended_at, ended_by";
    private static final String GRANT = "id, user_id, patient_id, purpose, reason, granted_at, expires_at, ended_at, "
            + "ended_by, reviewed_at, reviewed_by, review_outcome, review_notes";
    /** An assignment or grant in force at the time given twice (?, ?) after the user (and patient). */
    private static final String ASSIGNMENT_LIVE = "ended_at IS NULL AND starts_at <= ? AND (ends_at IS NULL OR ends_at > ?)";
    private static final String GRANT_LIVE = "ended_at IS NULL AND granted_at <= ? AND expires_at > ?";

    private final JdbcClient jdbc;

    AccessStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(AssignmentRow r) {
        jdbc.sql("INSERT INTO care_team_assignments (" + ASSIGNMENT + ") VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL)")
                .params(r.id(), r.userId(), r.patientId(), r.startsAt(), r.endsAt(), r.createdAt(), r.createdBy())
                .update();
    }

    public Optional<AssignmentRow> assignment(String id) {
        return jdbc.sql("SELECT " + ASSIGNMENT + " FROM care_team_assignments WHERE id = ?").param(id)
                .query((rs, n) -> assignment(rs)).optional();
    }

    /** Assignments, newest first, optionally only one user's or one patient's. */
    public List<AssignmentRow> assignments(String userId, String patientId, int limit) {
        return jdbc.sql("SELECT " + ASSIGNMENT + " FROM care_team_assignments WHERE (CAST(? AS TEXT) IS NULL OR user_id = ?) "
                        + "AND (CAST(? AS TEXT) IS NULL OR patient_id = ?) ORDER BY created_at DESC, id LIMIT ?")
                .params(userId, userId, patientId, patientId, limit).query((rs, n) -> assignment(rs)).list();
    }

    /** Ends an assignment early; true when this call ended it. */
    public boolean endAssignment(String id, long now, String by) {
        return jdbc.sql("UPDATE care_team_assignments SET ended_at = ?, ended_by = ? WHERE id = ? AND ended_at IS NULL")
                .params(now, by, id).update() == 1;
    }

    /** Whether an assignment of the user to the patient is in force at {@code now}. */
    public boolean assigned(String userId, String patientId, long now) {
        return jdbc.sql("SELECT COUNT(*) FROM care_team_assignments WHERE user_id = ? AND patient_id = ? AND "
                + ASSIGNMENT_LIVE).params(userId, patientId, now, now).query(Long.class).single() > 0;
    }

    /** The patients the user is assigned to at {@code now}. */
    public List<String> assignedPatients(String userId, long now) {
        return jdbc.sql("SELECT DISTINCT patient_id FROM care_team_assignments WHERE user_id = ? AND " + ASSIGNMENT_LIVE)
                .params(userId, now, now).query(String.class).list();
    }

    /** Ends every assignment of the user not ended yet; returns their ids. */
    public List<String> endAssignmentsOf(String userId, long now, String by) {
        List<String> ids = jdbc.sql("SELECT id FROM care_team_assignments WHERE user_id = ? AND ended_at IS NULL "
                + "AND (ends_at IS NULL OR ends_at > ?)").params(userId, now).query(String.class).list();
        ids.forEach(id -> endAssignment(id, now, by));
        return ids;
    }

    /** Ends every grant of the user still in force; returns their ids. */
    public List<String> endGrantsOf(String userId, long now, String by) {
        List<String> ids = jdbc.sql("SELECT id FROM break_glass_grants WHERE user_id = ? AND ended_at IS NULL "
                + "AND expires_at > ?").params(userId, now).query(String.class).list();
        ids.forEach(id -> endGrant(id, now, by));
        return ids;
    }

    public void insert(GrantRow g) {
        jdbc.sql("INSERT INTO break_glass_grants (" + GRANT + ") VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, NULL, "
                        + "NULL, NULL)")
                .params(g.id(), g.userId(), g.patientId(), g.purpose(), g.reason(), g.grantedAt(), g.expiresAt())
                .update();
    }

    public Optional<GrantRow> grant(String id) {
        return jdbc.sql("SELECT " + GRANT + " FROM break_glass_grants WHERE id = ?").param(id)
                .query((rs, n) -> grant(rs)).optional();
    }

    /** The grant in force for the user and patient at {@code now}, if any (the latest). */
    public Optional<GrantRow> liveGrant(String userId, String patientId, long now) {
        return jdbc.sql("SELECT " + GRANT + " FROM break_glass_grants WHERE user_id = ? AND patient_id = ? AND "
                        + GRANT_LIVE + " ORDER BY expires_at DESC LIMIT 1")
                .params(userId, patientId, now, now).query((rs, n) -> grant(rs)).optional();
    }

    /** The patients the user holds a grant for at {@code now}. */
    public List<String> grantedPatients(String userId, long now) {
        return jdbc.sql("SELECT DISTINCT patient_id FROM break_glass_grants WHERE user_id = ? AND " + GRANT_LIVE)
                .params(userId, now, now).query(String.class).list();
    }

    /** Grants, newest first: one user's, or all; only unreviewed ones when asked. */
    public List<GrantRow> grants(String userId, boolean unreviewedOnly, int limit) {
        return jdbc.sql("SELECT " + GRANT + " FROM break_glass_grants WHERE (CAST(? AS TEXT) IS NULL OR user_id = ?) "
                        + (unreviewedOnly ? "AND reviewed_at IS NULL " : "") + "ORDER BY granted_at DESC, id LIMIT ?")
                .params(userId, userId, limit).query((rs, n) -> grant(rs)).list();
    }

    /** Unreviewed grants granted before {@code before}, oldest first. */
    public List<GrantRow> unreviewedBefore(long before) {
        return jdbc.sql("SELECT " + GRANT + " FROM break_glass_grants WHERE reviewed_at IS NULL AND granted_at < ? "
                + "ORDER BY granted_at").param(before).query((rs, n) -> grant(rs)).list();
    }

    public boolean endGrant(String id, long now, String by) {
        return jdbc.sql("UPDATE break_glass_grants SET ended_at = ?, ended_by = ? WHERE id = ? AND ended_at IS NULL")
                .params(now, by, id).update() == 1;
    }

    /** Records the review; true when this call reviewed it (a grant is reviewed once). */
    public boolean review(String id, long now, String by, String outcome, byte[] notes) {
        return jdbc.sql("UPDATE break_glass_grants SET reviewed_at = ?, reviewed_by = ?, review_outcome = ?, "
                        + "review_notes = ? WHERE id = ? AND reviewed_at IS NULL")
                .params(now, by, outcome, notes, id).update() == 1;
    }

    private static AssignmentRow assignment(ResultSet rs) throws SQLException {
        return new AssignmentRow(rs.getString("id"), rs.getString("user_id"), rs.getString("patient_id"),
                rs.getLong("starts_at"), nullableLong(rs, "ends_at"), rs.getLong("created_at"),
                rs.getString("created_by"), nullableLong(rs, "ended_at"), rs.getString("ended_by"));
    }

    private static GrantRow grant(ResultSet rs) throws SQLException {
        return new GrantRow(rs.getString("id"), rs.getString("user_id"), rs.getString("patient_id"),
                rs.getString("purpose"), rs.getBytes("reason"), rs.getLong("granted_at"), rs.getLong("expires_at"),
                nullableLong(rs, "ended_at"), rs.getString("ended_by"), nullableLong(rs, "reviewed_at"),
                rs.getString("reviewed_by"), rs.getString("review_outcome"), rs.getBytes("review_notes"));
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
