package dev.safeguard.program.workforce;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code program_terminations} and {@code program_termination_items} tables. A termination is inserted scheduled
 * or executed; a scheduled one is executed or cancelled exactly once ({@link #markExecuted} and {@link #cancel} refuse
 * a second change). Items are inserted with their termination's execution and never change.
 */
@Repository
public class WorkforceTerminationStore {

    public static final String SCHEDULED = "scheduled";
    public static final String EXECUTED = "executed";
    public static final String CANCELLED = "cancelled";

    public record Row(String id, String memberId, long effectiveAt, String reason, String notes, String status,
                      long requestedAt, String requestedBy, Long executedAt, String executedBy, Long cancelledAt,
                      String cancelledBy, Long eventsAfterEffective, String evidenceId) {
    }

    /** One revocation: {@code kind} ACCOUNT, SESSION, API_KEY, CARE_TEAM_ASSIGNMENT or BREAK_GLASS_GRANT. */
    public record Item(String terminationId, String kind, String reference, String userId, long revokedAt) {
    }

    private static final String COLUMNS = "id, member_id, effective_at, reason, notes, status, requested_at, "
            + "requested_by, executed_at, executed_by, cancelled_at, cancelled_by, events_after_effective, evidence_id";

    private final JdbcClient jdbc;

    WorkforceTerminationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Row r) {
        jdbc.sql("INSERT INTO program_terminations (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, "
                        + "?, ?)")
                .params(r.id(), r.memberId(), r.effectiveAt(), r.reason(), r.notes(), r.status(), r.requestedAt(),
                        r.requestedBy(), r.executedAt(), r.executedBy(), r.eventsAfterEffective(), r.evidenceId())
                .update();
    }

    /** Marks a scheduled termination executed; false when it is no longer scheduled. */
    public boolean markExecuted(String id, long at, String by, Long eventsAfterEffective, String evidenceId) {
        return jdbc.sql("UPDATE program_terminations SET status = 'executed', executed_at = ?, executed_by = ?, "
                        + "events_after_effective = ?, evidence_id = ? WHERE id = ? AND status = 'scheduled'")
                .params(at, by, eventsAfterEffective, evidenceId, id).update() == 1;
    }

    /** Sets what an immediate termination measured and recorded after its items. */
    public void complete(String id, Long eventsAfterEffective, String evidenceId) {
        jdbc.sql("UPDATE program_terminations SET events_after_effective = ?, evidence_id = ? WHERE id = ?")
                .params(eventsAfterEffective, evidenceId, id).update();
    }

    public boolean cancel(String id, long at, String by) {
        return jdbc.sql("UPDATE program_terminations SET status = 'cancelled', cancelled_at = ?, cancelled_by = ? "
                + "WHERE id = ? AND status = 'scheduled'").params(at, by, id).update() == 1;
    }

    public Optional<Row> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM program_terminations WHERE id = ?").param(id)
                .query((rs, n) -> row(rs)).optional();
    }

    /** The member's termination in force (scheduled or executed), if any. */
    public Optional<Row> current(String memberId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM program_terminations WHERE member_id = ? "
                + "AND status <> 'cancelled'")
                .param(memberId).query((rs, n) -> row(rs)).optional();
    }

    /** Terminations newest effective time first, at most {@code limit}. */
    public List<Row> list(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM program_terminations ORDER BY effective_at DESC, id LIMIT ?")
                .param(limit).query((rs, n) -> row(rs)).list();
    }

    public List<Row> withStatus(String status) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM program_terminations WHERE status = ? ORDER BY effective_at, id")
                .param(status).query((rs, n) -> row(rs)).list();
    }

    /** Scheduled terminations whose effective time has come. */
    public List<Row> due(long now) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM program_terminations WHERE status = 'scheduled' AND effective_at "
                + "<= ? ORDER BY effective_at, id").param(now).query((rs, n) -> row(rs)).list();
    }

    public void insert(Item i) {
        jdbc.sql("INSERT INTO program_termination_items (termination_id, kind, reference, user_id, revoked_at) VALUES "
                + "(?, ?, ?, ?, ?)").params(i.terminationId(), i.kind(), i.reference(), i.userId(), i.revokedAt())
                .update();
    }

    public List<Item> items(String terminationId) {
        return jdbc.sql("SELECT termination_id, kind, reference, user_id, revoked_at FROM program_termination_items "
                        + "WHERE termination_id = ? ORDER BY revoked_at, kind, reference")
                .param(terminationId)
                .query((rs, n) -> new Item(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5)))
                .list();
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getString("id"), rs.getString("member_id"), rs.getLong("effective_at"),
                rs.getString("reason"), rs.getString("notes"), rs.getString("status"), rs.getLong("requested_at"),
                rs.getString("requested_by"),
                nullable(rs, "executed_at"), rs.getString("executed_by"), nullable(rs, "cancelled_at"),
                rs.getString("cancelled_by"), nullable(rs, "events_after_effective"), rs.getString("evidence_id"));
    }

    private static Long nullable(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
