package dev.safeguard.identity;

import dev.safeguard.identity.internal.UserRow;
import dev.safeguard.identity.internal.UserStore;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Read-only lookup of workforce members for other modules, which name users as owners and approvers. It reveals only
 * {@link WorkforceMember}s (no hashes, secrets or sign-in state) and is not served over HTTP by itself; callers apply
 * their own role rules before showing what it returns.
 */
@Service
public class WorkforceDirectory {

    private final UserStore users;

    WorkforceDirectory(UserStore users) {
        this.users = users;
    }

    public Optional<WorkforceMember> find(String userId) {
        if (userId == null || userId.isBlank()) {
            return Optional.empty();
        }
        return users.findById(userId.strip()).map(WorkforceDirectory::member);
    }

    /** Every active member, in the store's order. */
    public List<WorkforceMember> active() {
        return users.list().stream().filter(UserRow::active).map(WorkforceDirectory::member).toList();
    }

    private static WorkforceMember member(UserRow u) {
        return new WorkforceMember(u.id(), u.username(), u.displayName(), u.status().toLowerCase(),
                u.roles().stream().map(Role::id).sorted().toList());
    }
}
