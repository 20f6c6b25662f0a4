package dev.safeguard.identity;

import dev.safeguard.identity.internal.UserRow;
import dev.safeguard.identity.internal.UserStore;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * When each active workforce account was created, for duties that start with the account (e.g. acknowledging the
 * policies in force within 30 days of joining). Read-only; no credentials or sign-in state.
 */
@Service
public class AccountDates {

    private final UserStore users;

    AccountDates(UserStore users) {
        this.users = users;
    }

    /** Creation time by user id, for every active account. */
    public Map<String, Instant> activeAccountsCreatedAt() {
        Map<String, Instant> created = new LinkedHashMap<>();
        users.list().stream().filter(UserRow::active)
                .forEach(u -> created.put(u.id(), Instant.ofEpochMilli(u.createdAt())));
        return created;
    }
}
