package dev.safeguard.identity.internal;

import dev.safeguard.identity.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code users}, {@code user_roles}, {@code recovery_codes} and {@code security_officials} tables. */
@Repository
public class UserStore {

    private static final String COLUMNS = "id, username, display_name, password_hash, status, totp_secret, "
            + "totp_pending_secret, totp_enrolled_at, totp_last_step, failed_attempts, last_failed_at, "
            + "password_locked_at, created_at, terminated_at";

    private final JdbcClient jdbc;

    public UserStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM users").query(Long.class).single();
    }

    public void insert(String id, String username, String displayName, String passwordHash, long now,
                       String createdBy) {
        jdbc.sql("INSERT INTO users (id, username, display_name, password_hash, status, created_at, created_by, "
                        + "updated_at) VALUES (?, ?, ?, ?, 'ACTIVE', ?, ?, ?)")
                .params(id, username, displayName, passwordHash, now, createdBy, now).update();
    }

    // IMPORTANT: roles are read after the user row's statement is closed, never from inside its row mapper: a nested
    // query would hold two pooled connections per request and deadlock the pool under concurrent load.
    public Optional<UserRow> findById(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id = ?").param(id)
                .query((rs, n) -> row(rs, Set.of())).optional().map(u -> u.withRoles(rolesOf(u.id())));
    }

    public Optional<UserRow> findByUsername(String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE username = ?").param(username)
                .query((rs, n) -> row(rs, Set.of())).optional().map(u -> u.withRoles(rolesOf(u.id())));
    }

    public List<UserRow> list() {
        Map<String, Set<Role>> roles = new HashMap<>();
        jdbc.sql("SELECT user_id, role FROM user_roles").query(rs -> {
            String userId = rs.getString(1);
            Role.fromId(rs.getString(2)).ifPresent(role ->
                    roles.computeIfAbsent(userId, k -> EnumSet.noneOf(Role.class)).add(role));
        });
        return jdbc.sql("SELECT " + COLUMNS + " FROM users ORDER BY username")
                .query((rs, n) -> row(rs, roles.getOrDefault(rs.getString("id"), Set.of()))).list();
    }

    public Set<Role> rolesOf(String userId) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        jdbc.sql("SELECT role FROM user_roles WHERE user_id = ?").param(userId).query(String.class).list()
                .forEach(id -> Role.fromId(id).ifPresent(roles::add));
        return roles;
    }

    public void replaceRoles(String userId, Collection<Role> roles, long now, String grantedBy) {
        Set<Role> current = rolesOf(userId);
        for (Role role : current) {
            if (!roles.contains(role)) {
                jdbc.sql("DELETE FROM user_roles WHERE user_id = ? AND role = ?").params(userId, role.id()).update();
            }
        }
        for (Role role : roles) {
            if (!current.contains(role)) {
                jdbc.sql("INSERT INTO user_roles (user_id, role, granted_at, granted_by) VALUES (?, ?, ?, ?)")
                        .params(userId, role.id(), now, grantedBy).update();
            }
        }
        touch(userId, now);
    }

    /** Terminates the account as of {@code effectiveAt} (its {@code terminated_at}), recorded at {@code now}. */
    public void terminate(String userId, long effectiveAt, long now, String actorId) {
        jdbc.sql("UPDATE users SET status = ?, terminated_at = ?, terminated_by = ?, updated_at = ? WHERE id = ?")
                .params(UserRow.TERMINATED, effectiveAt, actorId, now, userId).update();
    }

    public void setStatus(String userId, String status, long now, String actorId) {
        if (UserRow.TERMINATED.equals(status)) {
            jdbc.sql("UPDATE users SET status = ?, terminated_at = ?, terminated_by = ?, updated_at = ? WHERE id = ?")
                    .params(status, now, actorId, now, userId).update();
        } else if (UserRow.DISABLED.equals(status)) {
            jdbc.sql("UPDATE users SET status = ?, disabled_at = ?, updated_at = ? WHERE id = ?")
                    .params(status, now, now, userId).update();
        } else {
            jdbc.sql("UPDATE users SET status = ?, disabled_at = NULL, updated_at = ? WHERE id = ?")
                    .params(status, now, userId).update();
        }
    }

    public void setPasswordHash(String userId, String hash, long now) {
        jdbc.sql("UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?").params(hash, now, userId).update();
    }

    /** Counts a failure; returns the new consecutive count. */
    public int recordFailure(String userId, long now) {
        jdbc.sql("UPDATE users SET failed_attempts = failed_attempts + 1, last_failed_at = ? WHERE id = ?")
                .params(now, userId).update();
        return jdbc.sql("SELECT failed_attempts FROM users WHERE id = ?").param(userId).query(Integer.class).single();
    }

    /** Locks the password; returns false when it was locked already. */
    public boolean lock(String userId, long now) {
        return jdbc.sql("UPDATE users SET password_locked_at = ? WHERE id = ? AND password_locked_at IS NULL")
                .params(now, userId).update() == 1;
    }

    public void resetFailures(String userId) {
        jdbc.sql("UPDATE users SET failed_attempts = 0, last_failed_at = NULL WHERE id = ? AND failed_attempts <> 0")
                .param(userId).update();
    }

    public void unlock(String userId, long now) {
        jdbc.sql("UPDATE users SET failed_attempts = 0, last_failed_at = NULL, password_locked_at = NULL, "
                + "updated_at = ? WHERE id = ?").params(now, userId).update();
    }

    public void setPendingTotp(String userId, byte[] sealedSecret, long now) {
        jdbc.sql("UPDATE users SET totp_pending_secret = ?, updated_at = ? WHERE id = ?")
                .params(sealedSecret, now, userId).update();
    }

    /** Makes the pending secret the enrolled one, consuming the confirming step. */
    public boolean confirmTotp(String userId, long step, long now) {
        return jdbc.sql("UPDATE users SET totp_secret = totp_pending_secret, totp_pending_secret = NULL, "
                        + "totp_enrolled_at = ?, totp_last_step = ?, updated_at = ? "
                        + "WHERE id = ? AND totp_pending_secret IS NOT NULL")
                .params(now, step, now, userId).update() == 1;
    }

    /** Clears MFA so the user must enroll again at the next sign-in (after losing the authenticator). */
    public void clearTotp(String userId, long now) {
        jdbc.sql("UPDATE users SET totp_secret = NULL, totp_pending_secret = NULL, totp_enrolled_at = NULL, "
                + "totp_last_step = 0, updated_at = ? WHERE id = ?").params(now, userId).update();
        jdbc.sql("DELETE FROM recovery_codes WHERE user_id = ?").param(userId).update();
    }

    /**
     * Accepts a TOTP time step only if it is after the last accepted one. The conditional update makes replay
     * impossible even when two requests race, on one node or several.
     */
    public boolean consumeTotpStep(String userId, long step) {
        return jdbc.sql("UPDATE users SET totp_last_step = ? WHERE id = ? AND totp_last_step < ?")
                .params(step, userId, step).update() == 1;
    }

    public void replaceRecoveryCodes(String userId, List<String> codeHashes, long now) {
        jdbc.sql("DELETE FROM recovery_codes WHERE user_id = ?").param(userId).update();
        for (String hash : codeHashes) {
            jdbc.sql("INSERT INTO recovery_codes (user_id, code_hash, issued_at) VALUES (?, ?, ?)")
                    .params(userId, hash, now).update();
        }
    }

    /** Uses a recovery code once; false when unknown or already used. */
    public boolean consumeRecoveryCode(String userId, String codeHash, long now) {
        return jdbc.sql("UPDATE recovery_codes SET used_at = ? WHERE user_id = ? AND code_hash = ? AND used_at IS NULL")
                .params(now, userId, codeHash).update() == 1;
    }

    public int unusedRecoveryCodes(String userId) {
        return jdbc.sql("SELECT COUNT(*) FROM recovery_codes WHERE user_id = ? AND used_at IS NULL").param(userId)
                .query(Integer.class).single();
    }

    public void assignSecurityOfficial(String userId, long now, String assignedBy) {
        jdbc.sql("UPDATE security_officials SET ended_at = ? WHERE ended_at IS NULL").param(now).update();
        jdbc.sql("INSERT INTO security_officials (user_id, assigned_at, assigned_by) VALUES (?, ?, ?)")
                .params(userId, now, assignedBy).update();
    }

    public Optional<String> currentSecurityOfficial() {
        return jdbc.sql("SELECT user_id FROM security_officials WHERE ended_at IS NULL").query(String.class)
                .optional();
    }

    private void touch(String userId, long now) {
        jdbc.sql("UPDATE users SET updated_at = ? WHERE id = ?").params(now, userId).update();
    }

    private static UserRow row(ResultSet rs, Set<Role> roles) throws SQLException {
        return new UserRow(rs.getString("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getString("password_hash"), rs.getString("status"), rs.getBytes("totp_secret"),
                rs.getBytes("totp_pending_secret"), nullableLong(rs, "totp_enrolled_at"), rs.getLong("totp_last_step"),
                rs.getInt("failed_attempts"), nullableLong(rs, "last_failed_at"),
                nullableLong(rs, "password_locked_at"), rs.getLong("created_at"), nullableLong(rs, "terminated_at"),
                Set.copyOf(new ArrayList<>(roles)));
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
