package dev.safeguard.identity.internal;

import dev.safeguard.identity.IdentityFacts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The queries behind {@link IdentityFacts}. */
@Repository
public class IdentityFactsStore {

    private final JdbcClient jdbc;

    IdentityFactsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Terminated accounts with their live sessions, usable keys and how long revocation took. */
    public List<IdentityFacts.Terminated> terminated(long now) {
        return jdbc.sql("SELECT u.id, u.terminated_at, "
                        + "(SELECT COUNT(*) FROM sessions s WHERE s.user_id = u.id AND s.expires_at > ?), "
                        + "(SELECT COUNT(*) FROM service_clients c WHERE c.owner_user_id = u.id "
                        + "AND c.revoked_at IS NULL AND c.expires_at > ?), "
                        + "(SELECT MAX(r.revoked_at) FROM credential_revocations r WHERE r.user_id = u.id "
                        + "AND r.revoked_at >= u.terminated_at) "
                        + "FROM users u WHERE u.status = 'TERMINATED' AND u.terminated_at IS NOT NULL")
                .params(now, now)
                .query((rs, n) -> {
                    long terminatedAt = rs.getLong(2);
                    long last = rs.getLong(5);
                    Duration delay = rs.wasNull() ? null : Duration.ofMillis(last - terminatedAt);
                    return new IdentityFacts.Terminated(rs.getString(1), Instant.ofEpochMilli(terminatedAt),
                            rs.getLong(3), rs.getLong(4), delay);
                }).list();
    }

    public long expiredUnrevokedKeys(long now) {
        return jdbc.sql("SELECT COUNT(*) FROM service_clients WHERE revoked_at IS NULL AND expires_at <= ?")
                .param(now).query(Long.class).single();
    }
}
