package dev.safeguard.program.training;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code program_training_assignments} table. A member has at most one open assignment per module (a unique
 * index); an assignment is completed or cancelled exactly once ({@link #complete} and {@link #cancel} refuse a
 * second change). Rows are never deleted.
 */
@Repository
public class TrainingAssignmentStore {

    /**
     * An assignment; {@code dueOn} ISO-8601 text, {@code dueAt} the exclusive deadline (start of the next UTC day).
     */
    public record Row(String id, String memberId, String moduleId, String reason, long assignedAt, String assignedBy,
                      String dueOn, long dueAt, Long completedAt, String completedVersion, String completedBy,
                      Long cancelledAt, String cancelledBy) {

        public boolean open() {
            return completedAt == null && cancelledAt == null;
        }
    }

    private static final String COLUMNS = "id, member_id, module_id, reason, assigned_at, assigned_by, due_on, due_at, "
            + "completed_at, completed_version, completed_by, cancelled_at, cancelled_by";
    private static final String OPEN = "completed_at IS NULL AND cancelled_at IS NULL";

    private final JdbcClient jdbc;

    TrainingAssignmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the assignment unless the member has an open one of the module; true when this call inserted it. */
    public boolean insert(Row r) {
        return jdbc.sql("INSERT INTO program_training_assignments (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                        + "NULL, NULL, NULL, NULL, NULL) ON CONFLICT DO NOTHING")
                .params(r.id(), r.memberId(), r.moduleId(), r.reason(), r.assignedAt(), r.assignedBy(), r.dueOn(),
                        r.dueAt())
                .update() == 1;
    }

    public Optional<Row> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM program_training_assignments WHERE id = ?").param(id)
                .query((rs, n) -> row(rs)).optional();
    }

    /** The member's assignments, open ones first, then by due date. */
    public List<Row> ofMember(String memberId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM program_training_assignments WHERE member_id = ? "
                + "ORDER BY CASE WHEN " + OPEN + " THEN 0 ELSE 1 END, due_on, module_id").param(memberId)
                .query((rs, n) -> row(rs)).list();
    }

    /** Assignments newest due date first, optionally of one member or module and only open ones; at most limit. */
    public List<Row> list(String memberId, String moduleId, boolean openOnly, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM program_training_assignments WHERE (CAST(? AS TEXT) IS NULL OR "
                        + "member_id = ?) AND (CAST(? AS TEXT) IS NULL OR module_id = ?)"
                        + (openOnly ? " AND " + OPEN : "") + " ORDER BY due_on DESC, id LIMIT ?")
                .params(memberId, memberId, moduleId, moduleId, limit).query((rs, n) -> row(rs)).list();
    }

    /** Assignments whose deadline fell in {@code (from, to]}, not cancelled: the denominator of on-schedule. */
    public List<Row> deadlinesBetween(long from, long to) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM program_training_assignments WHERE due_at > ? AND due_at <= ? AND "
                + "cancelled_at IS NULL").params(from, to).query((rs, n) -> row(rs)).list();
    }

    /** Completions in {@code [from, to)}. */
    public List<Row> completedBetween(long from, long to) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM program_training_assignments WHERE completed_at >= ? AND "
                + "completed_at < ? ORDER BY completed_at, id").params(from, to).query((rs, n) -> row(rs)).list();
    }

    /** Open assignments past their deadline at {@code now}. */
    public List<Row> overdue(long now) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM program_training_assignments WHERE " + OPEN + " AND due_at <= ? "
                + "ORDER BY due_at, id").param(now).query((rs, n) -> row(rs)).list();
    }

    /** Per module: completed on time, completed late, open and not yet due, overdue at {@code now}. */
    public java.util.Map<String, long[]> tallies(long now) {
        java.util.Map<String, long[]> tallies = new java.util.HashMap<>();
        jdbc.sql("SELECT module_id, "
                        + "SUM(CASE WHEN completed_at IS NOT NULL AND completed_at < due_at THEN 1 ELSE 0 END), "
                        + "SUM(CASE WHEN completed_at IS NOT NULL AND completed_at >= due_at THEN 1 ELSE 0 END), "
                        + "SUM(CASE WHEN " + OPEN + " AND due_at > ? THEN 1 ELSE 0 END), "
                        + "SUM(CASE WHEN " + OPEN + " AND due_at <= ? THEN 1 ELSE 0 END) "
                        + "FROM program_training_assignments GROUP BY module_id")
                .params(now, now)
                .query(rs -> {
                    tallies.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4),
                            rs.getLong(5)});
                });
        return tallies;
    }

    public boolean complete(String id, long at, String version, String by) {
        return jdbc.sql("UPDATE program_training_assignments SET completed_at = ?, completed_version = ?, completed_by "
                + "= ? WHERE id = ? AND " + OPEN).params(at, version, by, id).update() == 1;
    }

    public boolean cancel(String id, long at, String by) {
        return jdbc.sql("UPDATE program_training_assignments SET cancelled_at = ?, cancelled_by = ? WHERE id = ? AND "
                + OPEN).params(at, by, id).update() == 1;
    }

    /** The member's open assignments. */
    public List<Row> openOf(String memberId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM program_training_assignments WHERE member_id = ? AND " + OPEN)
                .param(memberId).query((rs, n) -> row(rs)).list();
    }

    /** The module's open assignments. */
    public List<Row> openOfModule(String moduleId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM program_training_assignments WHERE module_id = ? AND " + OPEN)
                .param(moduleId).query((rs, n) -> row(rs)).list();
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getString("id"), rs.getString("member_id"), rs.getString("module_id"), rs.getString("reason"),
                rs.getLong("assigned_at"), rs.getString("assigned_by"), rs.getString("due_on"), rs.getLong("due_at"),
                nullable(rs, "completed_at"), rs.getString("completed_version"), rs.getString("completed_by"),
                nullable(rs, "cancelled_at"), rs.getString("cancelled_by"));
    }

    private static Long nullable(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
