package dev.safeguard.identity.internal;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.IdentitySettings;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.identity.Scope;
import dev.safeguard.identity.SessionTicket;
import dev.safeguard.identity.ServiceClients;
import dev.safeguard.shared.SecurityEvent.Outcome;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Turns a presented credential into an {@link Actor}, on every request. Nothing is cached: a terminated or disabled
 * user, a revoked or expired key, an idle or too-old session stops working on the very next request.
 */
@Component
public class CredentialResolver {

    /** Activity is written at most once a second per session, keeping the write load of busy clients small. */
    static final long TOUCH_GRANULARITY_MILLIS = 1_000;
    static final long LAST_USED_GRANULARITY_MILLIS = 60_000;

    private final SessionStore sessions;
    private final UserStore users;
    private final ServiceClientStore clients;
    private final RevocationStore revocations;
    private final IdentityEvents events;
    private final IdentitySettings settings;
    private final Clock clock;

    public CredentialResolver(SessionStore sessions, UserStore users, ServiceClientStore clients,
                              RevocationStore revocations, IdentityEvents events, IdentitySettings settings,
                              Clock clock) {
        this.sessions = sessions;
        this.users = users;
        this.clients = clients;
        this.revocations = revocations;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    /** What a session cookie resolved to. */
    public sealed interface SessionResolution {
    }

    /** A live session; {@code stage} says whether sign-in is complete. */
    public record LiveSession(Actor actor, SessionTicket.Stage stage, String csrfToken, long lastAccessedAt,
                              long expiresAt) implements SessionResolution {
    }

    /** The session ended by timeout just now (it was deleted). */
    public record ExpiredSession() implements SessionResolution {
    }

    /** No such session, or its user may no longer sign in. */
    public record NoSession() implements SessionResolution {
    }

    public SessionResolution session(String token, RequestOrigin origin) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return new NoSession();
        }
        String idHash = Tokens.sha256(token);
        Optional<SessionRow> found = sessions.find(idHash);
        if (found.isEmpty()) {
            return new NoSession();
        }
        SessionRow session = found.get();
        long now = clock.millis();
        boolean idle = now - session.lastAccessedAt() >= settings.sessionInactivity().toMillis();
        boolean tooOld = now >= session.expiresAt();
        if (idle || tooOld) {
            end(session, now, idle ? "idle-timeout" : "absolute-timeout", origin);
            return new ExpiredSession();
        }
        UserRow user = users.findById(session.userId()).orElse(null);
        if (user == null || !user.active()) {
            if (sessions.delete(idHash)) {
                revocations.record(session.userId(), RevocationStore.SESSION, Tokens.reference(idHash),
                        user == null ? "USER_GONE" : user.status(), now);
            }
            return new NoSession();
        }
        if (now - session.lastAccessedAt() >= TOUCH_GRANULARITY_MILLIS) {
            sessions.touch(idHash, now);
        }
        SessionTicket.Stage stage = SessionIssuer.stageOf(session);
        Actor actor = new Actor(Actor.Kind.USER, user.id(), user.username(),
                stage == SessionTicket.Stage.AUTHENTICATED ? user.roles() : Set.of(), Set.of(),
                Tokens.reference(idHash), null);
        return new LiveSession(actor, stage, session.csrfToken(), Math.max(now, session.lastAccessedAt()),
                session.expiresAt());
    }

    /** Resolves {@code sgk.<id>.<secret>}; empty when malformed, unknown, wrong, revoked, expired or orphaned. */
    public Optional<Actor> apiKey(String bearer, RequestOrigin origin) {
        String[] parts = bearer == null ? new String[0] : bearer.split("\\.", -1);
        if (parts.length != 3 || !ServiceClients.PREFIX.equals(parts[0]) || parts[1].isEmpty()
                || parts[1].length() > 32 || parts[2].length() > 64) {
            return Optional.empty();
        }
        long now = clock.millis();
        Optional<ServiceClientRow> found = clients.find(parts[1]);
        if (found.isEmpty() || !Tokens.same(found.get().secretHash(), Tokens.sha256(parts[2]))) {
            return Optional.empty();
        }
        ServiceClientRow client = found.get();
        if (!client.usableAt(now)) {
            return Optional.empty();
        }
        UserRow owner = users.findById(client.ownerUserId()).orElse(null);
        if (owner == null || !owner.active()) {
            return Optional.empty();
        }
        if (client.lastUsedAt() == null || now - client.lastUsedAt() >= LAST_USED_GRANULARITY_MILLIS) {
            clients.markUsed(client.id(), now);
        }
        Set<Scope> scopes = Arrays.stream(client.scopes().split(" ")).map(Scope::fromId)
                .flatMap(Optional::stream).collect(Collectors.toSet());
        Set<String> patients = client.patients() == null ? Set.of() : Set.of(client.patients().split(" "));
        return Optional.of(new Actor(Actor.Kind.SERVICE_CLIENT, client.id(), client.name(), Set.of(), scopes, null,
                client.ownerUserId(), patients));
    }

    /** Ends a timed-out session: deletes it, records the revocation and the timeout event. */
    public void end(SessionRow session, long now, String reason, RequestOrigin origin) {
        events.atomically(() -> {
            if (sessions.delete(session.idHash())) {
                revocations.record(session.userId(), RevocationStore.SESSION, Tokens.reference(session.idHash()),
                        "TIMEOUT", now);
                events.authentication("timeout", Outcome.SUCCESS, session.userId(), List.of(),
                        Tokens.reference(session.idHash()), origin, reason);
            }
        });
    }
}
