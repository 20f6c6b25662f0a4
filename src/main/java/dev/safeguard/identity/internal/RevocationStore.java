package dev.safeguard.identity.internal;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code credential_revocations} table: when each session or API key stopped working and why, so the time from
 * a termination to the revocation of every credential can be measured (proposed rule: within one hour).
 */
@Repository
public class RevocationStore {

    public static final String SESSION = "SESSION";
    public static final String API_KEY = "API_KEY";

    private final JdbcClient jdbc;

    public RevocationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(String userId, String kind, String reference, String cause, long at) {
        jdbc.sql("INSERT INTO credential_revocations (id, user_id, credential_kind, credential_ref, cause, revoked_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID().toString(), userId, kind, reference, cause, at).update();
    }
}
