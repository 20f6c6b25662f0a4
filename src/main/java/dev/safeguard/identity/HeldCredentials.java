package dev.safeguard.identity;

import dev.safeguard.identity.internal.HeldCredentialsStore;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * What credentials a user holds and which were revoked, for the workforce roster's termination procedure
 * (164.308(a)(3)(ii)(C)): before a termination, exactly what it will revoke; after it, each revocation with its time.
 *
 * <p>Read-only. It reveals no secret: sessions are named by the short, non-secret reference of their digest (as in
 * audit records), API keys by their client id and name.
 */
@Service
public class HeldCredentials {

    /** Credential kinds, as {@code credential_revocations} records them. */
    public static final String SESSION = "SESSION";
    public static final String API_KEY = "API_KEY";

    /**
     * A server-side session of the user, whatever its stage.
     *
     * @param reference the session's non-secret reference (a prefix of its digest)
     */
    public record Session(String reference, String stage, Instant createdAt, Instant lastAccessedAt,
                          Instant expiresAt) {
    }

    /** An API key the user owns that is not revoked (it may have expired). */
    public record ApiKey(String clientId, String name, Instant expiresAt, boolean expired) {
    }

    /**
     * One revoked credential.
     *
     * @param kind      {@link #SESSION} or {@link #API_KEY}
     * @param reference the session reference or the client id
     * @param cause     why, e.g. {@code TERMINATED}, {@code DISABLED}, {@code PASSWORD_CHANGED}
     */
    public record Revocation(String kind, String reference, String cause, Instant revokedAt) {
    }

    /**
     * An account's lifecycle state.
     *
     * @param status       {@code active}, {@code disabled} or {@code terminated}
     * @param terminatedAt the termination's effective time, or {@code null}
     */
    public record AccountState(String userId, String status, Instant terminatedAt) {
    }

    private final HeldCredentialsStore store;
    private final java.time.Clock clock;

    HeldCredentials(HeldCredentialsStore store, java.time.Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The state of every account, by user id. */
    public java.util.Map<String, AccountState> accountStates() {
        return store.accountStates();
    }

    /** Every session of the user still stored (expired ones until the reaper removes them). */
    public List<Session> sessionsOf(String userId) {
        return store.sessionsOf(userId);
    }

    /** Every API key the user owns that was never revoked. */
    public List<ApiKey> apiKeysOf(String userId) {
        return store.apiKeysOf(userId, clock.millis());
    }

    /** Every revocation of the user's credentials, oldest first. */
    public List<Revocation> revocationsOf(String userId) {
        return store.revocationsOf(userId);
    }
}
