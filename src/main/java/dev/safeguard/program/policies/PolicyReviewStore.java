package dev.safeguard.program.policies;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code program_policy_reviews} table: periodic reviews of a policy, append-only and retained. */
@Repository
public class PolicyReviewStore {

    /** One review; {@code reviewedAt} in epoch milliseconds; {@code outcome} is {@code no-change} or {@code revise}. */
    public record Row(String id, String policyId, int version, long reviewedAt, String reviewedBy, String outcome,
                      String notes, String evidenceId) {
    }

    private static final String COLUMNS = "id, policy_id, version, reviewed_at, reviewed_by, outcome, notes, "
            + "evidence_id";

    private final JdbcClient jdbc;

    PolicyReviewStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Row r) {
        jdbc.sql("INSERT INTO program_policy_reviews (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(r.id(), r.policyId(), r.version(), r.reviewedAt(), r.reviewedBy(), r.outcome(), r.notes(),
                        r.evidenceId())
                .update();
    }

    /** The policy's reviews, newest first. */
    public List<Row> of(String policyId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM program_policy_reviews WHERE policy_id = ? ORDER BY reviewed_at "
                + "DESC, id").param(policyId).query((rs, n) -> row(rs)).list();
    }

    public Optional<Long> latest(String policyId) {
        return jdbc.sql("SELECT MAX(reviewed_at) FROM program_policy_reviews WHERE policy_id = ?").param(policyId)
                .query((rs, n) -> {
                    long at = rs.getLong(1);
                    return rs.wasNull() ? null : at;
                }).optional();
    }

    private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Row(rs.getString("id"), rs.getString("policy_id"), rs.getInt("version"), rs.getLong("reviewed_at"),
                rs.getString("reviewed_by"), rs.getString("outcome"), rs.getString("notes"),
                rs.getString("evidence_id"));
    }
}
