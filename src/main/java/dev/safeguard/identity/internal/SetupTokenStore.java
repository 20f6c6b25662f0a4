package dev.safeguard.identity.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code setup_tokens} table: digests of one-time first-run setup tokens. */
@Repository
public class SetupTokenStore {

    private final JdbcClient jdbc;

    public SetupTokenStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces any unused token: only the latest printed token works. */
    public void issue(String tokenHash, long now, long expiresAt) {
        jdbc.sql("DELETE FROM setup_tokens WHERE used_at IS NULL").update();
        jdbc.sql("INSERT INTO setup_tokens (token_hash, issued_at, expires_at) VALUES (?, ?, ?)")
                .params(tokenHash, now, expiresAt).update();
    }

    /** Marks the token used if it is known, unused and unexpired; true when this call consumed it. */
    public boolean consume(String tokenHash, long now) {
        return jdbc.sql("UPDATE setup_tokens SET used_at = ? WHERE token_hash = ? AND used_at IS NULL "
                + "AND expires_at > ?").params(now, tokenHash, now).update() == 1;
    }
}
