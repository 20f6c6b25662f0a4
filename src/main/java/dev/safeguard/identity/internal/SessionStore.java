package dev.safeguard.identity.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code sessions} table: server-side sessions, so a restart or a second node keeps them. */
@Repository
public class SessionStore {

    private static final String COLUMNS =
            "id_hash, user_id, stage, csrf_token, created_at, last_accessed_at, expires_at, address";

    private final JdbcClient jdbc;

    public SessionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(SessionRow row, String userAgent) {
        jdbc.sql("INSERT INTO sessions (" + COLUMNS + ", user_agent) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(row.idHash(), row.userId(), row.stage(), row.csrfToken(), row.createdAt(),
                        row.lastAccessedAt(), row.expiresAt(), row.address(), userAgent)
                .update();
    }

    public Optional<SessionRow> find(String idHash) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sessions WHERE id_hash = ?").param(idHash)
                .query((rs, n) -> new SessionRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getString(8)))
                .optional();
    }

    /** Records activity; only ever moves {@code last_accessed_at} forward. */
    public void touch(String idHash, long now) {
        jdbc.sql("UPDATE sessions SET last_accessed_at = ? WHERE id_hash = ? AND last_accessed_at < ?")
                .params(now, idHash, now).update();
    }

    /** Deletes the session; true when it existed (so exactly one caller revokes it). */
    public boolean delete(String idHash) {
        return jdbc.sql("DELETE FROM sessions WHERE id_hash = ?").param(idHash).update() == 1;
    }

    public List<String> idHashesOf(String userId) {
        return jdbc.sql("SELECT id_hash FROM sessions WHERE user_id = ?").param(userId).query(String.class).list();
    }

    /** Sessions past their absolute expiry or idle for longer than the inactivity limit. */
    public List<SessionRow> expired(long now, long inactivityMillis) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sessions WHERE expires_at <= ? OR last_accessed_at + ? <= ?")
                .params(now, inactivityMillis, now)
                .query((rs, n) -> new SessionRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getString(8)))
                .list();
    }

    public int countAuthenticated(String userId) {
        return jdbc.sql("SELECT COUNT(*) FROM sessions WHERE user_id = ? AND stage = 'AUTHENTICATED'").param(userId)
                .query(Integer.class).single();
    }
}
