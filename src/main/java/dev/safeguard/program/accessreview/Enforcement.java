package dev.safeguard.program.accessreview;

import dev.safeguard.access.CareTeamEntitlements;
import dev.safeguard.identity.Actor;
import dev.safeguard.identity.EntitlementChanges;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.identity.Role;
import dev.safeguard.identity.Scope;
import dev.safeguard.program.AccessReviewItem;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Applies a revoke or modify decision at once, through the identity and access modules' access-review APIs: a role is
 * removed or replaced, a care-team assignment ended or shortened, a service client revoked or narrowed. Runs inside
 * the decision's transaction, so a change that is refused (e.g. it would leave no active security officer) leaves
 * the item undecided.
 */
@Component
public class Enforcement {

    /** What the decision did: {@code applied}, {@code already-absent}, or {@code null} for keep. */
    public static final String APPLIED = "applied";
    public static final String ALREADY_ABSENT = "already-absent";

    private final EntitlementChanges identity;
    private final CareTeamEntitlements careTeams;

    Enforcement(EntitlementChanges identity, CareTeamEntitlements careTeams) {
        this.identity = identity;
        this.careTeams = careTeams;
    }

    /** Revokes the item's entitlement now. */
    public String revoke(Actor reviewer, RequestOrigin origin, AccessReviewItem item) {
        boolean applied = switch (item.kind()) {
            case AccessReviewItem.ROLE -> identity.removeRole(reviewer, origin, item.subjectUserId(),
                    role(item.role())) == EntitlementChanges.Effect.APPLIED;
            case AccessReviewItem.CARE_TEAM -> careTeams.end(reviewer, origin, item.assignmentId(),
                    item.subjectUserId()) == CareTeamEntitlements.Effect.APPLIED;
            default -> identity.revokeClient(reviewer, origin, item.clientId(), item.subjectUserId())
                    == EntitlementChanges.Effect.APPLIED;
        };
        return applied ? APPLIED : ALREADY_ABSENT;
    }

    /**
     * Narrows the item's entitlement now.
     *
     * @param replacement for a role item, the role put in its place
     * @param endsAt      for a care-team item, the new end
     * @param expiresAt   for a service-client item, the new expiry or {@code null}
     * @param scopes      for a service-client item, the scopes kept or {@code null}
     */
    public String modify(Actor reviewer, RequestOrigin origin, AccessReviewItem item, Role replacement,
                         Instant endsAt, Instant expiresAt, List<Scope> scopes) {
        switch (item.kind()) {
            case AccessReviewItem.ROLE -> identity.replaceRole(reviewer, origin, item.subjectUserId(),
                    role(item.role()), replacement);
            case AccessReviewItem.CARE_TEAM -> careTeams.shorten(reviewer, origin, item.assignmentId(),
                    item.subjectUserId(), endsAt);
            default -> identity.restrictClient(reviewer, origin, item.clientId(), item.subjectUserId(), expiresAt,
                    scopes);
        }
        return APPLIED;
    }

    private static Role role(String id) {
        return Role.fromId(id).orElseThrow(() -> new IllegalStateException("Unknown stored role " + id));
    }
}
