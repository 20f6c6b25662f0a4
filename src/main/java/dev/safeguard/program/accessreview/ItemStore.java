package dev.safeguard.program.accessreview;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code program_access_review_items} table. Items are inserted with their campaign, in one batch; the changes
 * are the reviewer's decision (once: {@link #decide} refuses a second) and a reassignment while undecided.
 */
@Repository
public class ItemStore {

    /** A stored item; times in epoch milliseconds; {@code clientScopes} space-separated; {@code modification} JSON. */
    public record Row(String id, String campaignId, String kind, String subjectUserId, String role,
                      String assignmentId, String patientId, Long assignmentStartsAt, Long assignmentEndsAt,
                      String clientId, String clientName, String clientScopes, Integer clientPatients,
                      Long clientExpiresAt, long grantedAt, Long lastActivityAt, boolean unused, String reviewerId,
                      String reviewerSource, Long reassignedAt, String reassignedBy, String decision, String comment,
                      String modification, String effect, Long decidedAt, String decidedBy) {
    }

    /** Decision counts of one campaign. */
    public record Tally(long items, long decided, long kept, long revoked, long modified, long unused,
                        long unassigned) {
        static final Tally NONE = new Tally(0, 0, 0, 0, 0, 0, 0);
    }

    /**
     * Which items to list; {@code null} fields do not filter.
     *
     * @param decided  true: decided only; false: undecided only
     * @param unused   true: flagged unused only
     */
    public record Filter(String reviewerId, Boolean decided, Boolean unused, String kind) {
        public static final Filter ALL = new Filter(null, null, null, null);
    }

    private static final String COLUMNS = "id, campaign_id, kind, subject_user_id, role, assignment_id, patient_id, "
            + "assignment_starts_at, assignment_ends_at, client_id, client_name, client_scopes, client_patients, "
            + "client_expires_at, granted_at, last_activity_at, unused, reviewer_id, reviewer_source, reassigned_at, "
            + "reassigned_by, decision, comment, modification, effect, decided_at, decided_by";
    private static final String ORDER = " ORDER BY kind, subject_user_id, role, patient_id, client_name, id";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    ItemStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Inserts the items of a new campaign, undecided, in batches. */
    public void insertAll(Collection<Row> rows) {
        template.batchUpdate("INSERT INTO program_access_review_items (id, campaign_id, kind, subject_user_id, role, "
                        + "assignment_id, patient_id, assignment_starts_at, assignment_ends_at, client_id, client_name, "
                        + "client_scopes, client_patients, client_expires_at, granted_at, last_activity_at, unused, "
                        + "reviewer_id, reviewer_source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                List.copyOf(rows), 500, (ps, r) -> {
                    ps.setString(1, r.id());
                    ps.setString(2, r.campaignId());
                    ps.setString(3, r.kind());
                    ps.setString(4, r.subjectUserId());
                    ps.setString(5, r.role());
                    ps.setString(6, r.assignmentId());
                    ps.setString(7, r.patientId());
                    setLong(ps, 8, r.assignmentStartsAt());
                    setLong(ps, 9, r.assignmentEndsAt());
                    ps.setString(10, r.clientId());
                    ps.setString(11, r.clientName());
                    ps.setString(12, r.clientScopes());
                    if (r.clientPatients() == null) {
                        ps.setNull(13, Types.INTEGER);
                    } else {
                        ps.setInt(13, r.clientPatients());
                    }
                    setLong(ps, 14, r.clientExpiresAt());
                    ps.setLong(15, r.grantedAt());
                    setLong(ps, 16, r.lastActivityAt());
                    ps.setInt(17, r.unused() ? 1 : 0);
                    ps.setString(18, r.reviewerId());
                    ps.setString(19, r.reviewerSource());
                });
    }

    public Optional<Row> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM program_access_review_items WHERE id = ?").param(id)
                .query((rs, n) -> row(rs)).optional();
    }

    /** A campaign's items that pass the filter, in a stable order, one page. */
    public List<Row> list(String campaignId, Filter filter, int limit, int offset) {
        List<Object> params = new ArrayList<>();
        String where = where(campaignId, filter, params);
        params.add(limit);
        params.add(offset);
        return jdbc.sql("SELECT " + COLUMNS + " FROM program_access_review_items" + where + ORDER + " LIMIT ? OFFSET ?")
                .params(params).query((rs, n) -> row(rs)).list();
    }

    public long count(String campaignId, Filter filter) {
        List<Object> params = new ArrayList<>();
        String where = where(campaignId, filter, params);
        return jdbc.sql("SELECT COUNT(*) FROM program_access_review_items" + where).params(params)
                .query(Long.class).single();
    }

    /** Every item of a campaign, for its evidence. */
    public List<Row> all(String campaignId) {
        return list(campaignId, Filter.ALL, Integer.MAX_VALUE, 0);
    }

    /** The items assigned to a reviewer, in campaigns newest first; only undecided ones unless asked. */
    public List<Row> assignedTo(String reviewerId, boolean includeDecided, int limit) {
        return jdbc.sql("SELECT " + qualified() + " FROM program_access_review_items i JOIN "
                        + "program_access_review_campaigns c ON c.id = i.campaign_id WHERE i.reviewer_id = ? "
                        + (includeDecided ? "" : "AND i.decision IS NULL AND c.completed_at IS NULL ")
                        + "ORDER BY c.opened_at DESC, i.decision IS NOT NULL, i.kind, i.subject_user_id, i.role, "
                        + "i.patient_id, i.client_name, i.id LIMIT ?")
                .params(reviewerId, limit).query((rs, n) -> row(rs)).list();
    }

    /** Decision counts per campaign, for the given campaigns. */
    public Map<String, Tally> tallies(Collection<String> campaignIds) {
        Map<String, Tally> tallies = new HashMap<>();
        if (campaignIds.isEmpty()) {
            return tallies;
        }
        jdbc.sql("SELECT campaign_id, COUNT(*), COUNT(decision), "
                        + "SUM(CASE WHEN decision = 'keep' THEN 1 ELSE 0 END), "
                        + "SUM(CASE WHEN decision = 'revoke' THEN 1 ELSE 0 END), "
                        + "SUM(CASE WHEN decision = 'modify' THEN 1 ELSE 0 END), SUM(unused), "
                        + "SUM(CASE WHEN reviewer_id IS NULL AND decision IS NULL THEN 1 ELSE 0 END) "
                        + "FROM program_access_review_items WHERE campaign_id IN ("
                        + String.join(", ", java.util.Collections.nCopies(campaignIds.size(), "?"))
                        + ") GROUP BY campaign_id")
                .params(List.copyOf(campaignIds))
                .query(rs -> {
                    tallies.put(rs.getString(1), new Tally(rs.getLong(2), rs.getLong(3), rs.getLong(4),
                            rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8)));
                });
        return tallies;
    }

    public Tally tally(String campaignId) {
        return tallies(List.of(campaignId)).getOrDefault(campaignId, Tally.NONE);
    }

    /** Undecided items of open campaigns past their due date. */
    public long overdueCount(long now) {
        return jdbc.sql("SELECT COUNT(*) FROM program_access_review_items i JOIN program_access_review_campaigns c "
                + "ON c.id = i.campaign_id WHERE c.completed_at IS NULL AND c.due_at < ? AND i.decision IS NULL")
                .param(now).query(Long.class).single();
    }

    /** Records a decision; false when the item was decided already. */
    public boolean decide(String id, String decision, String comment, String modification, String effect, long at,
                          String by) {
        return jdbc.sql("UPDATE program_access_review_items SET decision = ?, comment = ?, modification = ?, "
                        + "effect = ?, decided_at = ?, decided_by = ? WHERE id = ? AND decision IS NULL")
                .params(decision, comment, modification, effect, at, by, id).update() == 1;
    }

    /** Names another reviewer; false when the item was decided meanwhile. */
    public boolean reassign(String id, String reviewerId, long at, String by) {
        return jdbc.sql("UPDATE program_access_review_items SET reviewer_id = ?, reviewer_source = 'reassigned', "
                        + "reassigned_at = ?, reassigned_by = ? WHERE id = ? AND decision IS NULL")
                .params(reviewerId, at, by, id).update() == 1;
    }

    private static String where(String campaignId, Filter f, List<Object> params) {
        StringBuilder sql = new StringBuilder(" WHERE campaign_id = ?");
        params.add(campaignId);
        if (f.reviewerId() != null) {
            sql.append(" AND reviewer_id = ?");
            params.add(f.reviewerId());
        }
        if (f.decided() != null) {
            sql.append(f.decided() ? " AND decision IS NOT NULL" : " AND decision IS NULL");
        }
        if (Boolean.TRUE.equals(f.unused())) {
            sql.append(" AND unused = 1");
        }
        if (f.kind() != null) {
            sql.append(" AND kind = ?");
            params.add(f.kind());
        }
        return sql.toString();
    }

    private static String qualified() {
        return "i." + COLUMNS.replace(", ", ", i.");
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    private static Row row(ResultSet rs) throws SQLException {
        int patients = rs.getInt("client_patients");
        Integer clientPatients = rs.wasNull() ? null : patients;
        return new Row(rs.getString("id"), rs.getString("campaign_id"), rs.getString("kind"),
                rs.getString("subject_user_id"), rs.getString("role"), rs.getString("assignment_id"),
                rs.getString("patient_id"), CampaignStore.nullableLong(rs, "assignment_starts_at"),
                CampaignStore.nullableLong(rs, "assignment_ends_at"), rs.getString("client_id"),
                rs.getString("client_name"), rs.getString("client_scopes"), clientPatients,
                CampaignStore.nullableLong(rs, "client_expires_at"), rs.getLong("granted_at"),
                CampaignStore.nullableLong(rs, "last_activity_at"), rs.getInt("unused") == 1,
                rs.getString("reviewer_id"), rs.getString("reviewer_source"),
                CampaignStore.nullableLong(rs, "reassigned_at"), rs.getString("reassigned_by"),
                rs.getString("decision"), rs.getString("comment"), rs.getString("modification"),
                rs.getString("effect"), CampaignStore.nullableLong(rs, "decided_at"), rs.getString("decided_by"));
    }
}
