package dev.safeguard.program.training;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code program_security_reminders} and {@code program_security_reminder_reads} tables. */
@Repository
public class SecurityReminderStore {

    public record Row(String id, String title, String body, long publishedAt, String publishedBy) {
    }

    private final JdbcClient jdbc;

    SecurityReminderStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Row r) {
        jdbc.sql("INSERT INTO program_security_reminders (id, title, body, published_at, published_by) "
                + "VALUES (?, ?, ?, ?, ?)")
                .params(r.id(), r.title(), r.body(), r.publishedAt(), r.publishedBy()).update();
    }

    public Optional<Row> find(String id) {
        return jdbc.sql("SELECT id, title, body, published_at, published_by FROM program_security_reminders "
                        + "WHERE id = ?")
                .param(id).query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5))).optional();
    }

    /** Reminders newest first, at most {@code limit}. */
    public List<Row> list(int limit) {
        return jdbc.sql("SELECT id, title, body, published_at, published_by FROM program_security_reminders ORDER BY "
                        + "published_at DESC, id LIMIT ?")
                .param(limit).query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getLong(4), rs.getString(5))).list();
    }

    /** Reminders the user has not marked read, newest first, at most {@code limit}. */
    public List<Row> unread(String userId, int limit) {
        return jdbc.sql("SELECT r.id, r.title, r.body, r.published_at, r.published_by "
                        + "FROM program_security_reminders r WHERE NOT EXISTS (SELECT 1 FROM "
                        + "program_security_reminder_reads d WHERE d.reminder_id = r.id AND d.user_id = ?) "
                        + "ORDER BY r.published_at DESC, r.id LIMIT ?")
                .params(userId, limit).query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getLong(4), rs.getString(5))).list();
    }

    /** Records that the user read the reminder; false when they had already. */
    public boolean markRead(String reminderId, String userId, long at) {
        return jdbc.sql("INSERT INTO program_security_reminder_reads (reminder_id, user_id, read_at) VALUES (?, ?, ?) "
                + "ON CONFLICT DO NOTHING").params(reminderId, userId, at).update() == 1;
    }

    /** How many users marked each reminder read. */
    public long reads(String reminderId) {
        return jdbc.sql("SELECT COUNT(*) FROM program_security_reminder_reads WHERE reminder_id = ?").param(reminderId)
                .query(Long.class).single();
    }

    public Optional<Long> latestPublishedAt() {
        return jdbc.sql("SELECT MAX(published_at) FROM program_security_reminders").query((rs, n) -> {
            long at = rs.getLong(1);
            return rs.wasNull() ? null : at;
        }).optional();
    }
}
