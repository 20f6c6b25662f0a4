package dev.safeguard.identity;

import dev.safeguard.identity.internal.EntitlementStore;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * What workforce accounts are entitled to, as access reviews snapshot it (164.308(a)(4)(ii)(B), (C)): every role of
 * every active user with the time it was granted. Read-only; service clients come from
 * {@link ServiceClients#registered()}.
 */
@Service
public class Entitlements {

    /** A role an active user holds, granted at {@code grantedAt}. */
    public record RoleGrant(String userId, Role role, Instant grantedAt) {
    }

    private final EntitlementStore store;

    Entitlements(EntitlementStore store) {
        this.store = store;
    }

    /** Every role of every active user, ordered by user id and role. */
    public List<RoleGrant> roleGrants() {
        return store.activeRoleGrants().stream().flatMap(g -> Role.fromId(g.role())
                .map(r -> new RoleGrant(g.userId(), r, Instant.ofEpochMilli(g.grantedAt()))).stream()).toList();
    }
}
