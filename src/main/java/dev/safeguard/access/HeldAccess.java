package dev.safeguard.access;

import dev.safeguard.access.internal.HeldAccessStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * What access to patients a user holds and what of it ended, for the workforce roster's termination procedure
 * (164.308(a)(3)(ii)(C)): before a termination, exactly which care-team assignments and break-glass grants it will
 * end; after it, each with the time it ended.
 *
 * <p>Read-only. Entitlements are named by their ids and times only, never the patient, so the roster and its
 * evidence hold no patient identifier.
 */
@Service
public class HeldAccess {

    public static final String CARE_TEAM_ASSIGNMENT = "CARE_TEAM_ASSIGNMENT";
    public static final String BREAK_GLASS_GRANT = "BREAK_GLASS_GRANT";

    /**
     * A care-team assignment or break-glass grant of the user.
     *
     * @param kind    {@link #CARE_TEAM_ASSIGNMENT} or {@link #BREAK_GLASS_GRANT}
     * @param from    when it starts (assignment) or was granted (grant)
     * @param until   when it ends by itself, or {@code null} for an open-ended assignment
     * @param endedAt when it was ended early, or {@code null}
     */
    public record Entitlement(String kind, String id, Instant from, Instant until, Instant endedAt) {
    }

    private final HeldAccessStore store;
    private final Clock clock;

    HeldAccess(HeldAccessStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Assignments not ended and not expired (in force or scheduled), and grants in force, now. */
    public List<Entitlement> inForce(String userId) {
        long now = clock.millis();
        return java.util.stream.Stream.concat(store.assignmentsInForce(userId, now).stream(),
                store.grantsInForce(userId, now).stream()).toList();
    }

    /** The user's assignments and grants ended at or after {@code since}, oldest end first. */
    public List<Entitlement> endedSince(String userId, Instant since) {
        return store.endedSince(userId, since.toEpochMilli());
    }
}
