package dev.safeguard.identity;

import dev.safeguard.identity.internal.UserRow;
import dev.safeguard.identity.internal.UserStore;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * A read-only directory of the workforce for other modules: who a user id names (username, display name, roles,
 * whether active), e.g. the owner of a control or the approver of a decision. It exposes no secret, no hash and no
 * sign-in state; administering accounts stays with {@link Accounts}.
 */
@Service
public class Workforce {

    private final UserStore users;

    Workforce(UserStore users) {
        this.users = users;
    }

    /**
     * A workforce member as other modules see them.
     *
     * @param active true while the account is neither disabled nor terminated
     */
    public record Member(String id, String username, String displayName, Set<Role> roles, boolean active) {
        public Member {
            roles = Set.copyOf(roles);
        }

        public boolean has(Role role) {
            return roles.contains(role);
        }
    }

    public Optional<Member> find(String userId) {
        if (userId == null || userId.isBlank()) {
            return Optional.empty();
        }
        return users.findById(userId).map(Workforce::member);
    }

    /** Every active member. */
    public List<Member> active() {
        return users.list().stream().filter(UserRow::active).map(Workforce::member).toList();
    }

    /** Every member, active or not, ordered by username. */
    public List<Member> members() {
        return users.list().stream().map(Workforce::member).toList();
    }

    /** The organization's assigned security official (164.308(a)(2)), if one is assigned. */
    public Optional<Member> securityOfficial() {
        return users.currentSecurityOfficial().flatMap(this::find);
    }

    private static Member member(UserRow row) {
        return new Member(row.id(), row.username(), row.displayName(), row.roles(), row.active());
    }
}
