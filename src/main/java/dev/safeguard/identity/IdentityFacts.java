package dev.safeguard.identity;

import dev.safeguard.identity.internal.IdentityFactsStore;
import dev.safeguard.identity.internal.PasswordPolicy;
import dev.safeguard.identity.internal.UserRow;
import dev.safeguard.identity.internal.UserStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Facts about accounts and credentials as they are in the running system, for the evaluation checks and metrics of
 * the compliance program (164.308(a)(8)): who has MFA, which accounts are terminated and what they still hold, how
 * fast their credentials were revoked, which API keys have expired. Read-only; it reveals no hash, secret or token.
 */
@Service
public class IdentityFacts {

    /** An account as the checks see it. */
    public record Account(String id, String username, String status, List<String> roles, boolean mfaEnrolled) {
    }

    /**
     * A terminated account and its credentials.
     *
     * @param liveSessions     sessions still in the table
     * @param usableApiKeys    API keys it owns that are neither revoked nor expired
     * @param revocationDelay  from the termination to the last revocation it caused, or {@code null} when it held
     *                         nothing to revoke
     */
    public record Terminated(String id, java.time.Instant terminatedAt, long liveSessions, long usableApiKeys,
                             Duration revocationDelay) {
    }

    /** The password rules in force. */
    public record PasswordRules(int minLength, int maxLength, int commonPasswords, String hashing) {
    }

    private final IdentityFactsStore store;
    private final UserStore users;
    private final PasswordPolicy policy;
    private final Clock clock;

    IdentityFacts(IdentityFactsStore store, UserStore users, PasswordPolicy policy, Clock clock) {
        this.store = store;
        this.users = users;
        this.policy = policy;
        this.clock = clock;
    }

    /** Every account that is not terminated. */
    public List<Account> accounts() {
        return users.list().stream().filter(u -> !UserRow.TERMINATED.equals(u.status()))
                .map(u -> new Account(u.id(), u.username(), u.status().toLowerCase(),
                        u.roles().stream().map(Role::id).sorted().toList(), u.mfaEnrolled())).toList();
    }

    public List<Terminated> terminated() {
        return store.terminated(clock.millis());
    }

    /** Service clients whose key has expired but was never revoked (credentials left lying about). */
    public long expiredUnrevokedApiKeys() {
        return store.expiredUnrevokedKeys(clock.millis());
    }

    public PasswordRules passwordRules() {
        return new PasswordRules(PasswordPolicy.MIN_LENGTH, PasswordPolicy.MAX_LENGTH, policy.commonPasswordCount(),
                "argon2id (19 MiB, t=2, p=1)");
    }
}
