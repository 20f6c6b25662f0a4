package dev.safeguard.program.workforce;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code program_workforce_members} and {@code program_workforce_accounts} tables. Members are never deleted;
 * an account link ends ({@code unlinked_at}) instead, and at most one link per account is current (a unique index).
 */
@Repository
public class WorkforceMemberStore {

    public static final String ACTIVE = "active";
    public static final String SCHEDULED = "termination-scheduled";
    public static final String TERMINATED = "terminated";

    /** A stored member; {@code hireDate} is ISO-8601 text, times epoch milliseconds. */
    public record Row(String id, String name, String jobTitle, String department, String workforceType,
                      String managerId, String hireDate, String status, long createdAt, String createdBy,
                      long updatedAt, String updatedBy) {
    }

    /** A link between a member and a user account. */
    public record Link(String id, String memberId, String userId, long linkedAt, String linkedBy, Long unlinkedAt,
                       String unlinkedBy) {
    }

    private static final String COLUMNS = "id, name, job_title, department, workforce_type, manager_id, hire_date, "
            + "status, created_at, created_by, updated_at, updated_by";
    private static final String LINK = "id, member_id, user_id, linked_at, linked_by, unlinked_at, unlinked_by";

    private final JdbcClient jdbc;

    WorkforceMemberStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Row r) {
        jdbc.sql("INSERT INTO program_workforce_members (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(r.id(), r.name(), r.jobTitle(), r.department(), r.workforceType(), r.managerId(), r.hireDate(),
                        r.status(), r.createdAt(), r.createdBy(), r.updatedAt(), r.updatedBy())
                .update();
    }

    /** Changes the descriptive fields (not the status). */
    public void update(Row r) {
        jdbc.sql("UPDATE program_workforce_members SET name = ?, job_title = ?, department = ?, workforce_type = ?, "
                        + "manager_id = ?, hire_date = ?, updated_at = ?, updated_by = ? WHERE id = ?")
                .params(r.name(), r.jobTitle(), r.department(), r.workforceType(), r.managerId(), r.hireDate(),
                        r.updatedAt(), r.updatedBy(), r.id())
                .update();
    }

    /** Moves the status from {@code from} to {@code to}; false when the member was not in {@code from}. */
    public boolean setStatus(String id, String from, String to, long now, String by) {
        return jdbc.sql("UPDATE program_workforce_members SET status = ?, updated_at = ?, updated_by = ? WHERE id = ? "
                + "AND status = ?").params(to, now, by, id, from).update() == 1;
    }

    public Optional<Row> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM program_workforce_members WHERE id = ?").param(id)
                .query((rs, n) -> row(rs)).optional();
    }

    /** Every member ordered by name, at most {@code limit}. */
    public List<Row> list(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM program_workforce_members ORDER BY name, id LIMIT ?").param(limit)
                .query((rs, n) -> row(rs)).list();
    }

    public List<Row> withStatus(String status) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM program_workforce_members WHERE status = ? ORDER BY name, id")
                .param(status).query((rs, n) -> row(rs)).list();
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM program_workforce_members").query(Long.class).single();
    }

    public void link(Link l) {
        jdbc.sql("INSERT INTO program_workforce_accounts (" + LINK + ") VALUES (?, ?, ?, ?, ?, NULL, NULL)")
                .params(l.id(), l.memberId(), l.userId(), l.linkedAt(), l.linkedBy()).update();
    }

    /** Ends the current link of the account to the member; false when there is none. */
    public boolean unlink(String memberId, String userId, long now, String by) {
        return jdbc.sql("UPDATE program_workforce_accounts SET unlinked_at = ?, unlinked_by = ? WHERE member_id = ? "
                + "AND user_id = ? AND unlinked_at IS NULL").params(now, by, memberId, userId).update() == 1;
    }

    /** The member's current account links, oldest first. */
    public List<Link> links(String memberId) {
        return jdbc.sql("SELECT " + LINK + " FROM program_workforce_accounts WHERE member_id = ? "
                + "AND unlinked_at IS NULL ORDER BY linked_at, id").param(memberId).query((rs, n) -> link(rs)).list();
    }

    /** Every current link, for the roster and the orphan-account check. */
    public List<Link> allLinks() {
        return jdbc.sql("SELECT " + LINK + " FROM program_workforce_accounts WHERE unlinked_at IS NULL")
                .query((rs, n) -> link(rs)).list();
    }

    /** The current link of an account, if it belongs to a member. */
    public Optional<Link> linkOf(String userId) {
        return jdbc.sql("SELECT " + LINK + " FROM program_workforce_accounts WHERE user_id = ? AND unlinked_at IS NULL")
                .param(userId).query((rs, n) -> link(rs)).optional();
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getString("id"), rs.getString("name"), rs.getString("job_title"), rs.getString("department"),
                rs.getString("workforce_type"), rs.getString("manager_id"), rs.getString("hire_date"),
                rs.getString("status"), rs.getLong("created_at"), rs.getString("created_by"),
                rs.getLong("updated_at"), rs.getString("updated_by"));
    }

    private static Link link(ResultSet rs) throws SQLException {
        long unlinked = rs.getLong("unlinked_at");
        Long unlinkedAt = rs.wasNull() ? null : unlinked;
        return new Link(rs.getString("id"), rs.getString("member_id"), rs.getString("user_id"), rs.getLong("linked_at"),
                rs.getString("linked_by"), unlinkedAt, rs.getString("unlinked_by"));
    }
}
