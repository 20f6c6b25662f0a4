package dev.safeguard.identity.internal;

import dev.safeguard.identity.HeldCredentials;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The queries behind {@link HeldCredentials}: sessions, unrevoked API keys and revocations of one user. */
@Repository
public class HeldCredentialsStore {

    private final JdbcClient jdbc;

    HeldCredentialsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public java.util.Map<String, HeldCredentials.AccountState> accountStates() {
        java.util.Map<String, HeldCredentials.AccountState> states = new java.util.HashMap<>();
        jdbc.sql("SELECT id, status, terminated_at FROM users").query(rs -> {
            long terminated = rs.getLong(3);
            Instant terminatedAt = rs.wasNull() ? null : Instant.ofEpochMilli(terminated);
            states.put(rs.getString(1), new HeldCredentials.AccountState(rs.getString(1),
                    rs.getString(2).toLowerCase(java.util.Locale.ROOT), terminatedAt));
        });
        return java.util.Map.copyOf(states);
    }

    public List<HeldCredentials.Session> sessionsOf(String userId) {
        return jdbc.sql("SELECT id_hash, stage, created_at, last_accessed_at, expires_at FROM sessions "
                        + "WHERE user_id = ? ORDER BY created_at")
                .param(userId)
                .query((rs, n) -> new HeldCredentials.Session(Tokens.reference(rs.getString(1)),
                        rs.getString(2).toLowerCase(java.util.Locale.ROOT), Instant.ofEpochMilli(rs.getLong(3)),
                        Instant.ofEpochMilli(rs.getLong(4)), Instant.ofEpochMilli(rs.getLong(5))))
                .list();
    }

    public List<HeldCredentials.ApiKey> apiKeysOf(String userId, long now) {
        return jdbc.sql("SELECT id, name, expires_at FROM service_clients WHERE owner_user_id = ? "
                        + "AND revoked_at IS NULL ORDER BY created_at")
                .param(userId)
                .query((rs, n) -> new HeldCredentials.ApiKey(rs.getString(1), rs.getString(2),
                        Instant.ofEpochMilli(rs.getLong(3)), rs.getLong(3) <= now))
                .list();
    }

    public List<HeldCredentials.Revocation> revocationsOf(String userId) {
        return jdbc.sql("SELECT credential_kind, credential_ref, cause, revoked_at FROM credential_revocations "
                        + "WHERE user_id = ? ORDER BY revoked_at, credential_kind, credential_ref")
                .param(userId)
                .query((rs, n) -> new HeldCredentials.Revocation(rs.getString(1), rs.getString(2), rs.getString(3),
                        Instant.ofEpochMilli(rs.getLong(4))))
                .list();
    }
}
