package dev.safeguard.identity;

import dev.safeguard.identity.internal.IdentityEvents;
import dev.safeguard.identity.internal.PasswordHashing;
import dev.safeguard.identity.internal.PasswordPolicy;
import dev.safeguard.identity.internal.RevocationStore;
import dev.safeguard.identity.internal.ServiceClientStore;
import dev.safeguard.identity.internal.SessionStore;
import dev.safeguard.identity.internal.Tokens;
import dev.safeguard.identity.internal.UserRow;
import dev.safeguard.identity.internal.UserStore;
import dev.safeguard.identity.internal.Usernames;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import dev.safeguard.shared.SecurityEvent.Action;
import dev.safeguard.shared.SecurityEvent.Entity;
import dev.safeguard.shared.SecurityEvent.Outcome;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Workforce accounts and their lifecycle: create, assign roles, disable, terminate, reactivate, reset a locked
 * password or a lost authenticator. Only security officers administer accounts (checked here, not only in the web
 * layer). Every change is recorded as a security event in the same transaction.
 *
 * <p>Termination is immediate and complete: the status changes, every session is deleted and every API key the user
 * owns is revoked, each revocation recorded with its time. A disabled or terminated user cannot authenticate by any
 * path, because every request re-checks the user's status.
 */
@Service
public class Accounts {

    private final UserStore users;
    private final SessionStore sessions;
    private final ServiceClientStore clients;
    private final ApplicationEventPublisher publisher;
    private final RevocationStore revocations;
    private final PasswordPolicy policy;
    private final PasswordHashing hashing;
    private final IdentityEvents events;
    private final Clock clock;

    Accounts(UserStore users, SessionStore sessions, ServiceClientStore clients, RevocationStore revocations,
             PasswordPolicy policy, PasswordHashing hashing, IdentityEvents events, Clock clock,
             ApplicationEventPublisher publisher) {
        this.publisher = publisher;
        this.users = users;
        this.sessions = sessions;
        this.clients = clients;
        this.revocations = revocations;
        this.policy = policy;
        this.hashing = hashing;
        this.events = events;
        this.clock = clock;
    }

    public List<UserView> list(Actor actor) {
        requireOfficer(actor);
        String official = users.currentSecurityOfficial().orElse(null);
        return users.list().stream().map(u -> view(u, official)).toList();
    }

    public UserView get(Actor actor, String userId) {
        if (!actor.id().equals(userId)) {
            requireOfficer(actor);
        }
        return view(find(userId), users.currentSecurityOfficial().orElse(null));
    }

    public UserView create(Actor actor, String username, String displayName, String password, Collection<Role> roles,
                           RequestOrigin origin) {
        requireOfficer(actor);
        Usernames.require(username);
        String name = requireDisplayName(displayName);
        if (roles == null || roles.isEmpty()) {
            throw new ProblemException(ProblemKind.VALIDATION, "Give the user at least one role");
        }
        String hash = hashing.hash(policy.accept(password, username));
        String id = UUID.randomUUID().toString();
        long now = clock.millis();
        events.atomically(() -> {
            if (users.findByUsername(username).isPresent()) {
                throw new ProblemException(ProblemKind.CONFLICT, "The username '" + username + "' is taken");
            }
            users.insert(id, username, name, hash, now, actor.id());
            users.replaceRoles(id, roles, now, actor.id());
            events.admin(IdentityEvents.USER_ADMIN, "create", Action.C, actor, origin, new Entity("User", id),
                    Outcome.SUCCESS, null);
        });
        return get(actor, id);
    }

    public UserView setRoles(Actor actor, String userId, Collection<Role> roles, RequestOrigin origin) {
        requireOfficer(actor);
        if (roles == null || roles.isEmpty()) {
            throw new ProblemException(ProblemKind.VALIDATION, "Give the user at least one role");
        }
        events.atomically(() -> {
            UserRow user = find(userId);
            if (user.roles().contains(Role.SECURITY_OFFICER) && !roles.contains(Role.SECURITY_OFFICER)) {
                requireAnotherOfficer(userId);
            }
            users.replaceRoles(userId, roles, clock.millis(), actor.id());
            events.admin(IdentityEvents.USER_ADMIN, "roles", Action.U, actor, origin, new Entity("User", userId),
                    Outcome.SUCCESS, null);
        });
        return get(actor, userId);
    }

    public UserView disable(Actor actor, String userId, RequestOrigin origin) {
        return changeStatus(actor, userId, UserRow.DISABLED, "disable", null, origin);
    }

    public UserView terminate(Actor actor, String userId, RequestOrigin origin) {
        return changeStatus(actor, userId, UserRow.TERMINATED, "terminate", null, origin);
    }

    /**
     * Terminates the account as of {@code effectiveAt}, which may lie in the past (a termination recorded after the
     * person left): it is stored as the account's termination time, so the time to revoke is measured from it, while
     * sessions, API keys, care-team assignments and break-glass grants are revoked now, each with the current time.
     * Called inside a caller's {@link dev.safeguard.audit.AuditTrail#atomically} transaction it joins it, so several
     * accounts of one person are terminated together or not at all.
     *
     * @param effectiveAt not in the future and not before the account was created
     */
    public UserView terminate(Actor actor, String userId, Instant effectiveAt, RequestOrigin origin) {
        if (effectiveAt == null) {
            throw new ProblemException(ProblemKind.VALIDATION, "Give the termination's effective time");
        }
        if (effectiveAt.isAfter(clock.instant())) {
            throw new ProblemException(ProblemKind.VALIDATION, "The effective time " + effectiveAt + " is in the "
                    + "future; an account is terminated at or after its effective time");
        }
        return changeStatus(actor, userId, UserRow.TERMINATED, "terminate", effectiveAt, origin);
    }

    public UserView reactivate(Actor actor, String userId, RequestOrigin origin) {
        requireOfficer(actor);
        events.atomically(() -> {
            UserRow user = find(userId);
            if (!UserRow.DISABLED.equals(user.status())) {
                throw new ProblemException(ProblemKind.CONFLICT, "Only a disabled account can be reactivated; "
                        + "a terminated account stays terminated (create a new one)");
            }
            users.setStatus(userId, UserRow.ACTIVE, clock.millis(), actor.id());
            events.admin(IdentityEvents.USER_ADMIN, "reactivate", Action.U, actor, origin, new Entity("User", userId),
                    Outcome.SUCCESS, null);
        });
        return get(actor, userId);
    }

    /** Unlocks a password locked after too many failures, and clears the failure count. */
    public UserView resetLockout(Actor actor, String userId, RequestOrigin origin) {
        requireOfficer(actor);
        events.atomically(() -> {
            find(userId);
            users.unlock(userId, clock.millis());
            events.admin(IdentityEvents.USER_ADMIN, "reset-lockout", Action.U, actor, origin,
                    new Entity("User", userId), Outcome.SUCCESS, null);
        });
        return get(actor, userId);
    }

    /** Removes the user's authenticator and recovery codes; they enroll again at their next sign-in. */
    public UserView resetMfa(Actor actor, String userId, RequestOrigin origin) {
        requireOfficer(actor);
        events.atomically(() -> {
            find(userId);
            long now = clock.millis();
            users.clearTotp(userId, now);
            revokeSessions(userId, "MFA_RESET", now);
            events.admin(IdentityEvents.USER_ADMIN, "reset-mfa", Action.U, actor, origin, new Entity("User", userId),
                    Outcome.SUCCESS, null);
        });
        return get(actor, userId);
    }

    /**
     * A user changes their own password (164.308(a)(5)(ii)(D)); the current one must be given. Other sessions of the
     * user end.
     */
    public void changeOwnPassword(Actor actor, String currentPassword, String newPassword, RequestOrigin origin) {
        if (actor == null || actor.kind() != Actor.Kind.USER) {
            throw new ProblemException(ProblemKind.FORBIDDEN, "Only a signed-in user can change their password");
        }
        UserRow user = find(actor.id());
        if (!hashing.verify(currentPassword == null ? "" : currentPassword, user.passwordHash())) {
            events.admin(IdentityEvents.AUTHENTICATION, "password-change", Action.U, actor, origin,
                    new Entity("User", user.id()), Outcome.MINOR_FAILURE, "wrong-current-password");
            throw new ProblemException(ProblemKind.VALIDATION, "The current password is not correct");
        }
        String hash = hashing.hash(policy.accept(newPassword, user.username()));
        events.atomically(() -> {
            long now = clock.millis();
            users.setPasswordHash(user.id(), hash, now);
            for (String idHash : sessions.idHashesOf(user.id())) {
                if (!Tokens.reference(idHash).equals(actor.sessionRef()) && sessions.delete(idHash)) {
                    revocations.record(user.id(), RevocationStore.SESSION, Tokens.reference(idHash),
                            "PASSWORD_CHANGED", now);
                }
            }
            events.admin(IdentityEvents.AUTHENTICATION, "password-change", Action.U, actor, origin,
                    new Entity("User", user.id()), Outcome.SUCCESS, null);
        });
    }

    /** @param effectiveAt for a termination, its effective time ({@code null}: now) */
    private UserView changeStatus(Actor actor, String userId, String newStatus, String subtype, Instant effectiveAt,
                                  RequestOrigin origin) {
        requireOfficer(actor);
        if (actor.id().equals(userId)) {
            throw new ProblemException(ProblemKind.CONFLICT, "You cannot " + subtype + " your own account");
        }
        List<String> revokedClients = new java.util.ArrayList<>();
        events.atomically(() -> {
            revokedClients.clear();
            UserRow user = find(userId);
            if (UserRow.TERMINATED.equals(user.status())) {
                throw new ProblemException(ProblemKind.CONFLICT, "The account is already terminated");
            }
            if (user.roles().contains(Role.SECURITY_OFFICER)) {
                requireAnotherOfficer(userId);
            }
            long now = clock.millis();
            long effective = effectiveAt == null ? now : effectiveAt.toEpochMilli();
            if (effective < user.createdAt()) {
                throw new ProblemException(ProblemKind.VALIDATION, "The effective time " + effectiveAt + " is before "
                        + "the account was created (" + Instant.ofEpochMilli(user.createdAt()) + ")");
            }
            if (UserRow.TERMINATED.equals(newStatus)) {
                users.terminate(userId, effective, now, actor.id());
            } else {
                users.setStatus(userId, newStatus, now, actor.id());
            }
            String cause = UserRow.TERMINATED.equals(newStatus) ? "TERMINATED" : "DISABLED";
            revokeSessions(userId, cause, now);
            if (UserRow.TERMINATED.equals(newStatus)) {
                publisher.publishEvent(new UserTerminated(userId, Instant.ofEpochMilli(effective), actor.id(),
                        Instant.ofEpochMilli(now)));
                for (String clientId : clients.activeIdsOwnedBy(userId)) {
                    if (clients.revoke(clientId, now, actor.id())) {
                        revocations.record(userId, RevocationStore.API_KEY, clientId, cause, now);
                        events.admin(IdentityEvents.SERVICE_CLIENT, "revoke", Action.U, actor, origin,
                                new Entity("ServiceClient", clientId), Outcome.SUCCESS, "owner-terminated");
                        revokedClients.add(clientId);
                    }
                }
            }
            events.admin(IdentityEvents.USER_ADMIN, subtype, Action.U, actor, origin, new Entity("User", userId),
                    Outcome.SUCCESS, null);
        });
        revokedClients.forEach(id -> publisher.publishEvent(new ServiceClientRevoked(id)));
        return get(actor, userId);
    }

    private void revokeSessions(String userId, String cause, long now) {
        for (String idHash : sessions.idHashesOf(userId)) {
            if (sessions.delete(idHash)) {
                revocations.record(userId, RevocationStore.SESSION, Tokens.reference(idHash), cause, now);
            }
        }
    }

    private void requireAnotherOfficer(String userId) {
        boolean another = users.list().stream().anyMatch(u -> !u.id().equals(userId) && u.active()
                && u.roles().contains(Role.SECURITY_OFFICER));
        if (!another) {
            throw new ProblemException(ProblemKind.CONFLICT,
                    "At least one active security officer must remain; appoint another one first");
        }
    }

    private UserRow find(String userId) {
        return users.findById(userId).orElseThrow(() -> new ProblemException(ProblemKind.NOT_FOUND,
                "No user with id " + userId));
    }

    static void requireOfficer(Actor actor) {
        if (actor == null || actor.kind() != Actor.Kind.USER || !actor.has(Role.SECURITY_OFFICER)) {
            throw new ProblemException(ProblemKind.FORBIDDEN, "Only a security officer may do this");
        }
    }

    private static String requireDisplayName(String displayName) {
        String name = displayName == null ? "" : displayName.strip();
        if (name.isEmpty() || name.length() > 100 || name.chars().anyMatch(Character::isISOControl)) {
            throw new ProblemException(ProblemKind.VALIDATION,
                    "The display name must have 1 to 100 characters and no control characters");
        }
        return name;
    }

    static UserView view(UserRow u, String officialId) {
        return new UserView(u.id(), u.username(), u.displayName(), u.status().toLowerCase(),
                u.roles().stream().map(Role::id).sorted().toList(), u.mfaEnrolled(), u.locked(), u.failedAttempts(),
                u.id().equals(officialId), Instant.ofEpochMilli(u.createdAt()),
                u.terminatedAt() == null ? null : Instant.ofEpochMilli(u.terminatedAt()));
    }
}
