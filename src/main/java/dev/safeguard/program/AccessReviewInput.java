package dev.safeguard.program;

import dev.safeguard.identity.Role;
import dev.safeguard.identity.Scope;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks a reviewer's decision against the item it is for, before anything changes: the decision, the comment
 * (required to revoke or modify), and for modify exactly the fields of the item's kind, each narrowing what the item
 * holds. The identity and access modules check again when they apply the change.
 */
final class AccessReviewInput {

    static final int MAX_COMMENT = 2000;
    static final List<String> DECISIONS = List.of(AccessReviewItem.KEEP, AccessReviewItem.REVOKE,
            AccessReviewItem.MODIFY);

    /** A decision that passed: its change is {@code null} unless {@code decision} is modify. */
    record Checked(String decision, String comment, AccessReviewChange change, Role role, List<Scope> scopes) {
    }

    private AccessReviewInput() {
    }

    static Checked check(AccessReviewItem item, AccessReviewDecision input, Instant now) {
        if (input == null) {
            throw new ProblemException(ProblemKind.VALIDATION, "Give the decision: keep, revoke or modify");
        }
        String decision = Fields.oneOf(input.decision(), "decision", DECISIONS, null);
        String comment = Fields.optional(input.comment() == null ? null : input.comment().replace("\r\n", "\n"),
                "comment", MAX_COMMENT);
        if (comment == null && !decision.equals(AccessReviewItem.KEEP)) {
            throw new ProblemException(ProblemKind.VALIDATION, "Give a comment saying why the entitlement is "
                    + (decision.equals(AccessReviewItem.REVOKE) ? "revoked" : "modified"));
        }
        AccessReviewChange change = input.change();
        boolean empty = change == null || change.role() == null && change.endsAt() == null
                && change.expiresAt() == null && change.scopes() == null;
        if (!decision.equals(AccessReviewItem.MODIFY)) {
            if (!empty) {
                throw new ProblemException(ProblemKind.VALIDATION, "role, endsAt, expiresAt and scopes belong to a "
                        + "modify decision only");
            }
            return new Checked(decision, comment, null, null, null);
        }
        if (empty) {
            throw new ProblemException(ProblemKind.VALIDATION, modifyHint(item.kind()));
        }
        return switch (item.kind()) {
            case AccessReviewItem.ROLE -> role(item, change, comment);
            case AccessReviewItem.CARE_TEAM -> careTeam(item, change, comment, now);
            default -> client(item, change, comment, now);
        };
    }

    private static Checked role(AccessReviewItem item, AccessReviewChange change, String comment) {
        only(change.endsAt() == null && change.expiresAt() == null && change.scopes() == null, item.kind());
        Role role = Role.fromId(change.role().strip()).orElseThrow(() -> new ProblemException(ProblemKind.VALIDATION,
                "The role must be one of " + roleIds() + "; got '" + Fields.abbreviated(change.role().strip()) + "'"));
        if (role.id().equals(item.role())) {
            throw new ProblemException(ProblemKind.VALIDATION, "Name another role than " + item.role()
                    + " to put in its place, or keep the item");
        }
        return new Checked(AccessReviewItem.MODIFY, comment, new AccessReviewChange(role.id(), null, null, null),
                role, null);
    }

    private static Checked careTeam(AccessReviewItem item, AccessReviewChange change, String comment, Instant now) {
        only(change.role() == null && change.expiresAt() == null && change.scopes() == null, item.kind());
        Instant endsAt = change.endsAt();
        if (endsAt == null || !endsAt.isAfter(now)
                || item.assignmentEndsAt() != null && !endsAt.isBefore(item.assignmentEndsAt())) {
            throw new ProblemException(ProblemKind.VALIDATION, "The new end (endsAt) must be in the future and before "
                    + "the assignment's current end (" + (item.assignmentEndsAt() == null ? "none"
                    : item.assignmentEndsAt()) + "); to end it now, revoke it");
        }
        return new Checked(AccessReviewItem.MODIFY, comment, new AccessReviewChange(null, endsAt, null, null), null,
                null);
    }

    private static Checked client(AccessReviewItem item, AccessReviewChange change, String comment, Instant now) {
        only(change.role() == null && change.endsAt() == null, item.kind());
        Instant expiresAt = change.expiresAt();
        if (expiresAt != null && (!expiresAt.isAfter(now) || expiresAt.isAfter(item.clientExpiresAt()))) {
            throw new ProblemException(ProblemKind.VALIDATION, "The new expiry (expiresAt) must be in the future and "
                    + "no later than the current one (" + item.clientExpiresAt() + "); to end it now, revoke it");
        }
        List<Scope> scopes = null;
        if (change.scopes() != null) {
            Set<String> kept = new TreeSet<>();
            scopes = new ArrayList<>();
            for (String id : change.scopes()) {
                String clean = id == null ? "" : id.strip();
                Scope scope = Scope.fromId(clean).orElseThrow(() -> new ProblemException(ProblemKind.VALIDATION,
                        "Not a scope: '" + Fields.abbreviated(clean) + "'"));
                if (!item.clientScopes().contains(scope.id())) {
                    throw new ProblemException(ProblemKind.VALIDATION, "A review only removes scopes; " + scope.id()
                            + " is not one of the client's (" + String.join(", ", item.clientScopes()) + ")");
                }
                if (kept.add(scope.id())) {
                    scopes.add(scope);
                }
            }
            if (kept.isEmpty()) {
                throw new ProblemException(ProblemKind.VALIDATION, "Keep at least one scope; to remove them all, "
                        + "revoke the client");
            }
        }
        boolean fewer = scopes != null && scopes.size() < item.clientScopes().size();
        boolean earlier = expiresAt != null && expiresAt.isBefore(item.clientExpiresAt());
        if (!fewer && !earlier) {
            throw new ProblemException(ProblemKind.VALIDATION, "A modification must remove a scope or bring the "
                    + "expiry forward; to leave the client as it is, keep it");
        }
        return new Checked(AccessReviewItem.MODIFY, comment, new AccessReviewChange(null, null, expiresAt,
                scopes == null ? null : scopes.stream().map(Scope::id).sorted().toList()), null, scopes);
    }

    private static void only(boolean fits, String kind) {
        if (!fits) {
            throw new ProblemException(ProblemKind.VALIDATION, modifyHint(kind));
        }
    }

    private static String modifyHint(String kind) {
        return switch (kind) {
            case AccessReviewItem.ROLE -> "To modify a role, give only the role to put in its place (role)";
            case AccessReviewItem.CARE_TEAM -> "To modify a care-team assignment, give only its new, earlier end "
                    + "(endsAt)";
            default -> "To modify a service client, give only an earlier expiry (expiresAt) and/or the scopes to "
                    + "keep (scopes)";
        };
    }

    private static String roleIds() {
        return String.join(", ", java.util.Arrays.stream(Role.values()).map(Role::id).toList());
    }
}
