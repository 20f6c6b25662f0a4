package dev.safeguard.program.accessreview;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code program_access_review_campaigns} table. A campaign is inserted once; its only changes are the
 * completion (once, {@link #complete} refuses a second) and the time its overdue alert was raised (once).
 */
@Repository
public class CampaignStore {

    /** A stored campaign; times in epoch milliseconds. */
    public record Row(String id, String origin, long cycleStart, long openedAt, String openedBy, long dueAt,
                      int unusedAfterDays, int itemCount, Long completedAt, String evidenceId,
                      Long overdueAlertedAt) {
    }

    private static final String COLUMNS = "id, origin, cycle_start, opened_at, opened_by, due_at, unused_after_days, "
            + "item_count, completed_at, evidence_id, overdue_alerted_at";

    private final JdbcClient jdbc;

    CampaignStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Row r) {
        jdbc.sql("INSERT INTO program_access_review_campaigns (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, "
                        + "NULL, NULL)")
                .params(r.id(), r.origin(), r.cycleStart(), r.openedAt(), r.openedBy(), r.dueAt(),
                        r.unusedAfterDays(), r.itemCount())
                .update();
    }

    public Optional<Row> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM program_access_review_campaigns WHERE id = ?").param(id)
                .query((rs, n) -> row(rs)).optional();
    }

    /** Campaigns, newest first, at most {@code limit}. */
    public List<Row> list(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM program_access_review_campaigns ORDER BY opened_at DESC, id "
                + "LIMIT ?").param(limit).query((rs, n) -> row(rs)).list();
    }

    /** The campaign not completed yet, if any (at most one is open at a time). */
    public Optional<Row> open() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM program_access_review_campaigns WHERE completed_at IS NULL "
                + "ORDER BY opened_at LIMIT 1").query((rs, n) -> row(rs)).optional();
    }

    /** Whether a campaign was opened at or after {@code since}. */
    public boolean openedSince(long since) {
        return jdbc.sql("SELECT COUNT(*) FROM program_access_review_campaigns WHERE opened_at >= ?").param(since)
                .query(Long.class).single() > 0;
    }

    /** Open campaigns past their due date whose overdue alert was not raised yet. */
    public List<Row> overdueUnalerted(long now) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM program_access_review_campaigns WHERE completed_at IS NULL "
                + "AND due_at < ? AND overdue_alerted_at IS NULL ORDER BY due_at").param(now)
                .query((rs, n) -> row(rs)).list();
    }

    /** Open campaigns past their due date. */
    public long overdueCount(long now) {
        return jdbc.sql("SELECT COUNT(*) FROM program_access_review_campaigns WHERE completed_at IS NULL AND due_at < ?")
                .param(now).query(Long.class).single();
    }

    /** Records that the overdue alert was raised; false when it had been already. */
    public boolean markOverdueAlerted(String id, long at) {
        return jdbc.sql("UPDATE program_access_review_campaigns SET overdue_alerted_at = ? WHERE id = ? "
                + "AND overdue_alerted_at IS NULL").params(at, id).update() == 1;
    }

    /** Records the completion; false when the campaign was completed already. */
    public boolean complete(String id, long at, String evidenceId) {
        return jdbc.sql("UPDATE program_access_review_campaigns SET completed_at = ?, evidence_id = ? WHERE id = ? "
                + "AND completed_at IS NULL").params(at, evidenceId, id).update() == 1;
    }

    /** The latest completion time, if any campaign was completed. */
    public Optional<Long> latestCompletion() {
        return jdbc.sql("SELECT MAX(completed_at) FROM program_access_review_campaigns").query((rs, n) -> {
            long at = rs.getLong(1);
            return rs.wasNull() ? null : at;
        }).optional();
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getString("id"), rs.getString("origin"), rs.getLong("cycle_start"), rs.getLong("opened_at"),
                rs.getString("opened_by"), rs.getLong("due_at"), rs.getInt("unused_after_days"),
                rs.getInt("item_count"), nullableLong(rs, "completed_at"), rs.getString("evidence_id"),
                nullableLong(rs, "overdue_alerted_at"));
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
