package dev.safeguard.identity;

import dev.safeguard.identity.internal.EntitlementStore;
import dev.safeguard.identity.internal.IdentityEvents;
import dev.safeguard.identity.internal.RevocationStore;
import dev.safeguard.identity.internal.ServiceClientRow;
import dev.safeguard.identity.internal.ServiceClientStore;
import dev.safeguard.identity.internal.UserRow;
import dev.safeguard.identity.internal.UserStore;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import dev.safeguard.shared.SecurityEvent.Action;
import dev.safeguard.shared.SecurityEvent.Entity;
import dev.safeguard.shared.SecurityEvent.Outcome;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Changes to roles and service clients decided in an access review (164.308(a)(4)(ii)(C), access modification). The
 * review campaign is the authority and the reviewer is the agent: the reviewer need not be a security officer (it is
 * often the user's manager), so these changes only ever narrow access. For the compliance program's access reviews
 * only; the caller has checked that the change is the decision of an open review item assigned to the reviewer.
 *
 * <p>Guarantees: nobody changes their own entitlements here; a role is replaced only by one the reviewer could grant
 * (a security officer any role; anyone else only a narrower officer role, see {@link #NARROWER}); a client's expiry
 * only moves earlier and its scopes only shrink. At least one active security officer remains, and the assigned
 * security official keeps the role. Each change takes effect at the next request (roles and keys are checked on every
 * request) and is audited with the reviewer as the agent and reason {@value #REASON}, in the caller's transaction
 * when there is one, so the decision and the change commit together or not at all.
 */
@Service
public class EntitlementChanges {

    /** The reason code of the audit events of these changes. */
    public static final String REASON = "access-review";
    /** Roles a reviewer who is not a security officer may put in place of a role: strictly narrower ones. */
    public static final Map<Role, Set<Role>> NARROWER = Map.of(Role.SECURITY_OFFICER,
            Set.of(Role.COMPLIANCE_OFFICER, Role.AUDITOR));

    /** What a revocation did. */
    public enum Effect { APPLIED, ALREADY_ABSENT }

    private final UserStore users;
    private final ServiceClientStore clients;
    private final EntitlementStore store;
    private final RevocationStore revocations;
    private final IdentityEvents events;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    EntitlementChanges(UserStore users, ServiceClientStore clients, EntitlementStore store,
                       RevocationStore revocations, IdentityEvents events, ApplicationEventPublisher publisher,
                       Clock clock) {
        this.users = users;
        this.clients = clients;
        this.store = store;
        this.revocations = revocations;
        this.events = events;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Removes a role from a user; {@link Effect#ALREADY_ABSENT} when the user no longer holds it. */
    public Effect removeRole(Actor reviewer, RequestOrigin origin, String userId, Role role) {
        requireReviewer(reviewer, userId);
        return events.atomically(() -> {
            UserRow user = user(userId);
            if (!user.roles().contains(role)) {
                return Effect.ALREADY_ABSENT;
            }
            keepSecurityOfficers(user, role);
            store.removeRole(userId, role, clock.millis());
            events.admin(IdentityEvents.USER_ADMIN, "roles", Action.U, reviewer, origin, new Entity("User", userId),
                    Outcome.SUCCESS, REASON);
            return Effect.APPLIED;
        });
    }

    /** Puts {@code replacement} in place of {@code role} (which the active user must still hold). */
    public void replaceRole(Actor reviewer, RequestOrigin origin, String userId, Role role, Role replacement) {
        requireReviewer(reviewer, userId);
        if (role == replacement) {
            throw new ProblemException(ProblemKind.VALIDATION, "The replacement must be another role than "
                    + role.id());
        }
        if (!reviewer.has(Role.SECURITY_OFFICER) && !NARROWER.getOrDefault(role, Set.of()).contains(replacement)) {
            throw new ProblemException(ProblemKind.FORBIDDEN, "Only a security officer may put " + replacement.id()
                    + " in place of " + role.id() + " (an access review grants nothing the reviewer could not); "
                    + "revoke the role and say in the comment what the person needs, or ask a security officer to "
                    + "take over the item");
        }
        events.atomically(() -> {
            UserRow user = user(userId);
            if (!user.active()) {
                throw new ProblemException(ProblemKind.CONFLICT, "The account is no longer active; revoke the role "
                        + "instead");
            }
            if (!user.roles().contains(role)) {
                throw new ProblemException(ProblemKind.CONFLICT, "The user no longer holds " + role.id()
                        + "; keep or revoke the item instead");
            }
            if (user.roles().contains(replacement)) {
                throw new ProblemException(ProblemKind.CONFLICT, "The user holds " + replacement.id()
                        + " already; revoke " + role.id() + " instead");
            }
            keepSecurityOfficers(user, role);
            long now = clock.millis();
            store.removeRole(userId, role, now);
            store.grantRole(userId, replacement, now, reviewer.id());
            events.admin(IdentityEvents.USER_ADMIN, "roles", Action.U, reviewer, origin, new Entity("User", userId),
                    Outcome.SUCCESS, REASON);
        });
    }

    /** Revokes a client's API key at once; {@link Effect#ALREADY_ABSENT} when it was revoked or had expired. */
    public Effect revokeClient(Actor reviewer, RequestOrigin origin, String clientId, String ownerId) {
        requireReviewer(reviewer, ownerId);
        return events.atomically(() -> {
            ServiceClientRow row = client(clientId, ownerId);
            long now = clock.millis();
            if (!row.usableAt(now) || !clients.revoke(clientId, now, reviewer.id())) {
                return Effect.ALREADY_ABSENT;
            }
            revocations.record(row.ownerUserId(), RevocationStore.API_KEY, clientId, "ACCESS_REVIEW", now);
            events.admin(IdentityEvents.SERVICE_CLIENT, "revoke", Action.U, reviewer, origin,
                    new Entity("ServiceClient", clientId), Outcome.SUCCESS, REASON);
            afterCommit(() -> publisher.publishEvent(new ServiceClientRevoked(clientId)));
            return Effect.APPLIED;
        });
    }

    /**
     * Narrows a usable client: an earlier expiry and/or a subset of its scopes, at least one of them strictly.
     *
     * @param expiresAt the new expiry, in the future and before the current one; {@code null} to keep it
     * @param scopes    the scopes to keep, a non-empty subset of the current ones; {@code null} to keep them all
     */
    public void restrictClient(Actor reviewer, RequestOrigin origin, String clientId, String ownerId,
                               Instant expiresAt, Collection<Scope> scopes) {
        requireReviewer(reviewer, ownerId);
        events.atomically(() -> {
            ServiceClientRow row = client(clientId, ownerId);
            long now = clock.millis();
            if (!row.usableAt(now)) {
                throw new ProblemException(ProblemKind.CONFLICT, "The service client is revoked or expired already; "
                        + "revoke the item instead");
            }
            Set<String> current = Set.of(row.scopes().split(" "));
            Set<String> kept = scopes == null ? current
                    : scopes.stream().map(Scope::id).collect(Collectors.toCollection(TreeSet::new));
            long expiry = expiresAt == null ? row.expiresAt() : expiresAt.toEpochMilli();
            if (kept.isEmpty() || !current.containsAll(kept)) {
                throw new ProblemException(ProblemKind.VALIDATION, "Keep some of the client's scopes ("
                        + String.join(", ", new TreeSet<>(current)) + ") and add none");
            }
            if (expiry <= now || expiry > row.expiresAt()) {
                throw new ProblemException(ProblemKind.VALIDATION, "The new expiry must be in the future and no later "
                        + "than the current one (" + Instant.ofEpochMilli(row.expiresAt()) + ")");
            }
            if (kept.size() == current.size() && expiry == row.expiresAt()) {
                throw new ProblemException(ProblemKind.VALIDATION, "A modification must remove a scope or bring the "
                        + "expiry forward; to leave the client as it is, keep it");
            }
            if (!store.restrictClient(clientId, row.scopes(), row.expiresAt(), String.join(" ", new TreeSet<>(kept)),
                    expiry, now)) {
                throw new ProblemException(ProblemKind.CONFLICT, "The service client changed meanwhile; reload and "
                        + "decide again");
            }
            events.admin(IdentityEvents.SERVICE_CLIENT, "restrict", Action.U, reviewer, origin,
                    new Entity("ServiceClient", clientId), Outcome.SUCCESS, REASON);
        });
    }

    private static void requireReviewer(Actor reviewer, String subjectUserId) {
        if (reviewer == null || reviewer.kind() != Actor.Kind.USER) {
            throw new ProblemException(ProblemKind.FORBIDDEN, "Only a signed-in reviewer decides access-review items");
        }
        if (reviewer.id().equals(subjectUserId)) {
            throw new ProblemException(ProblemKind.FORBIDDEN, "Nobody reviews their own entitlements");
        }
    }

    private void keepSecurityOfficers(UserRow user, Role removed) {
        if (removed != Role.SECURITY_OFFICER) {
            return;
        }
        if (users.currentSecurityOfficial().filter(user.id()::equals).isPresent()) {
            throw new ProblemException(ProblemKind.CONFLICT, "User " + user.id() + " is the assigned security "
                    + "official and keeps the security-officer role; assign another security official first");
        }
        boolean another = users.list().stream().anyMatch(u -> !u.id().equals(user.id()) && u.active()
                && u.roles().contains(Role.SECURITY_OFFICER));
        if (!another) {
            throw new ProblemException(ProblemKind.CONFLICT, "At least one active security officer must remain; "
                    + "appoint another one before removing this role");
        }
    }

    private UserRow user(String userId) {
        return users.findById(userId).orElseThrow(() -> new ProblemException(ProblemKind.NOT_FOUND,
                "No user with id " + userId));
    }

    private ServiceClientRow client(String clientId, String ownerId) {
        ServiceClientRow row = clients.find(clientId).orElseThrow(() -> new ProblemException(ProblemKind.NOT_FOUND,
                "No service client with id " + clientId));
        if (!row.ownerUserId().equals(ownerId)) {
            throw new ProblemException(ProblemKind.CONFLICT, "The service client has another owner now; its item no "
                    + "longer describes it");
        }
        return row;
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }
}
