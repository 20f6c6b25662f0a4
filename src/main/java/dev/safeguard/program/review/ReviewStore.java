package dev.safeguard.program.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code program_activity_reviews} table. A review is inserted once with its summary; the only change is the
 * sign-off, which sets {@code signed_off_at} exactly once ({@link #signOff} refuses a second).
 */
@Repository
public class ReviewStore {

    /** A stored review; times in epoch milliseconds; {@code summary} is JSON. */
    public record Row(String id, long periodFrom, long periodTo, String origin, String reviewerId, long createdAt,
                      String createdBy, long dueAt, String summary, Long signedOffAt, String signedOffBy,
                      String notes, String evidenceId) {
    }

    private static final String COLUMNS = "id, period_from, period_to, origin, reviewer_id, created_at, created_by, "
            + "due_at, summary, signed_off_at, signed_off_by, notes, evidence_id";

    private final JdbcClient jdbc;

    ReviewStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Row r) {
        jdbc.sql("INSERT INTO program_activity_reviews (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, "
                        + "NULL, NULL, NULL)")
                .params(r.id(), r.periodFrom(), r.periodTo(), r.origin(), r.reviewerId(), r.createdAt(),
                        r.createdBy(), r.dueAt(), r.summary())
                .update();
    }

    public Optional<Row> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM program_activity_reviews WHERE id = ?").param(id)
                .query((rs, n) -> row(rs)).optional();
    }

    public boolean exists(long periodFrom, long periodTo) {
        return jdbc.sql("SELECT COUNT(*) FROM program_activity_reviews WHERE period_from = ? AND period_to = ?")
                .params(periodFrom, periodTo).query(Long.class).single() > 0;
    }

    /** Reviews, newest period first, at most {@code limit}. */
    public List<Row> list(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM program_activity_reviews ORDER BY period_to DESC, created_at "
                + "DESC LIMIT ?").param(limit).query((rs, n) -> row(rs)).list();
    }

    /** The latest sign-off time, if any review was signed off. */
    public Optional<Long> latestSignOff() {
        return jdbc.sql("SELECT MAX(signed_off_at) FROM program_activity_reviews").query((rs, n) -> {
            long at = rs.getLong(1);
            return rs.wasNull() ? null : at;
        }).optional();
    }

    /** Records the sign-off; false when the review was signed off already. */
    public boolean signOff(String id, long at, String by, String notes, String evidenceId) {
        return jdbc.sql("UPDATE program_activity_reviews SET signed_off_at = ?, signed_off_by = ?, notes = ?, "
                        + "evidence_id = ? WHERE id = ? AND signed_off_at IS NULL")
                .params(at, by, notes, evidenceId, id).update() == 1;
    }

    private static Row row(ResultSet rs) throws SQLException {
        long signed = rs.getLong("signed_off_at");
        Long signedOffAt = rs.wasNull() ? null : signed;
        return new Row(rs.getString("id"), rs.getLong("period_from"), rs.getLong("period_to"), rs.getString("origin"),
                rs.getString("reviewer_id"), rs.getLong("created_at"), rs.getString("created_by"),
                rs.getLong("due_at"), rs.getString("summary"), signedOffAt, rs.getString("signed_off_by"),
                rs.getString("notes"), rs.getString("evidence_id"));
    }
}
