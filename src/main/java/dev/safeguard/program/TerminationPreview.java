package dev.safeguard.program;

import dev.safeguard.access.HeldAccess;
import dev.safeguard.identity.HeldCredentials;
import java.util.List;

/**
 * Exactly what terminating a member will revoke, for the confirmation step: per account not yet terminated, its
 * sessions, API keys, care-team assignments and break-glass grants; the training assignments it will cancel; and what
 * would refuse the termination now.
 *
 * @param blockers reasons the termination would be refused if requested by this caller now (empty: none)
 */
public record TerminationPreview(String memberId, String memberName, String status, List<AccountPreview> accounts,
                                 int pendingTraining, List<String> blockers) {

    public TerminationPreview {
        accounts = List.copyOf(accounts);
        blockers = List.copyOf(blockers);
    }

    /** One account and what it holds. */
    public record AccountPreview(String userId, String username, String status, List<String> roles,
                                 List<HeldCredentials.Session> sessions, List<HeldCredentials.ApiKey> apiKeys,
                                 List<HeldAccess.Entitlement> access) {
        public AccountPreview {
            roles = List.copyOf(roles);
            sessions = List.copyOf(sessions);
            apiKeys = List.copyOf(apiKeys);
            access = List.copyOf(access);
        }

        /** Whether the account is already terminated (nothing of it is revoked again). */
        public boolean terminated() {
            return "terminated".equals(status);
        }
    }

    /** How many accounts, sessions, keys, assignments and grants the termination will revoke. */
    public int revocations() {
        return accounts.stream().filter(a -> !a.terminated()).mapToInt(a -> 1 + a.sessions().size()
                + a.apiKeys().size() + a.access().size()).sum();
    }
}
