package dev.safeguard.program.policies;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code program_policy_acknowledgments} table: who acknowledged which version of a policy, when, and the
 * SHA-256 of the text they read. Insert-only; rows go only with their version, after its retention date.
 */
@Repository
public class AcknowledgmentStore {

    /** One acknowledgment; {@code acknowledgedAt} in epoch milliseconds. */
    public record Row(String policyId, int version, String userId, long acknowledgedAt, String contentSha256) {
    }

    private static final String COLUMNS = "policy_id, version, user_id, acknowledged_at, content_sha256";

    private final JdbcClient jdbc;

    AcknowledgmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the acknowledgment; false when the user had acknowledged this version already. */
    public boolean insert(Row r) {
        return jdbc.sql("INSERT INTO program_policy_acknowledgments (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?) "
                        + "ON CONFLICT (policy_id, version, user_id) DO NOTHING")
                .params(r.policyId(), r.version(), r.userId(), r.acknowledgedAt(), r.contentSha256()).update() == 1;
    }

    public Optional<Row> find(String policyId, int version, String userId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM program_policy_acknowledgments WHERE policy_id = ? AND "
                        + "version = ? AND user_id = ?")
                .params(policyId, version, userId).query((rs, n) -> row(rs)).optional();
    }

    /** The acknowledgments of one version, oldest first. */
    public List<Row> of(String policyId, int version) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM program_policy_acknowledgments WHERE policy_id = ? AND "
                + "version = ? ORDER BY acknowledged_at, user_id").params(policyId, version)
                .query((rs, n) -> row(rs)).list();
    }

    /** Every acknowledgment a user made. */
    public List<Row> byUser(String userId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM program_policy_acknowledgments WHERE user_id = ? ORDER BY "
                + "acknowledged_at").param(userId).query((rs, n) -> row(rs)).list();
    }

    /** Deletes the version's acknowledgments, with the version itself (the database refuses it before then). */
    public int deleteOf(String policyId, int version) {
        return jdbc.sql("DELETE FROM program_policy_acknowledgments WHERE policy_id = ? AND version = ?")
                .params(policyId, version).update();
    }

    private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Row(rs.getString("policy_id"), rs.getInt("version"), rs.getString("user_id"),
                rs.getLong("acknowledged_at"), rs.getString("content_sha256"));
    }
}
