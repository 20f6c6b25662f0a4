package dev.safeguard.identity.internal;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.shared.SecurityEvent;
import dev.safeguard.shared.SecurityEvent.Action;
import dev.safeguard.shared.SecurityEvent.Agent;
import dev.safeguard.shared.SecurityEvent.Entity;
import dev.safeguard.shared.SecurityEvent.Outcome;
import dev.safeguard.shared.SecurityEventRecorder;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Publishes identity's security events: authentication (login, MFA, lockout, logout, timeout, setup) and
 * administration of users, roles and keys. Recording is synchronous and an exception propagates: no record, no action.
 */
@Component
public class IdentityEvents {

    public static final String AUTHENTICATION = "authentication";
    public static final String USER_ADMIN = "user-admin";
    public static final String SERVICE_CLIENT = "service-client";

    private final SecurityEventRecorder recorder;
    private final Clock clock;

    public IdentityEvents(SecurityEventRecorder recorder, Clock clock) {
        this.recorder = recorder;
        this.clock = clock;
    }

    /** Runs {@code work} in a transaction together with the events it records (see SecurityEventRecorder). */
    public <T> T atomically(java.util.function.Supplier<T> work) {
        return recorder.atomically(work);
    }

    public void atomically(Runnable work) {
        recorder.atomically(work);
    }

    public void record(String type, String subtype, Action action, Outcome outcome, Agent agent, Entity entity,
                       String reason) {
        recorder.record(new SecurityEvent(type, subtype, action, outcome, clock.instant(), agent, entity, reason));
    }

    /** Authentication event of a user known by id (or of an unknown one, {@code userId == null}). */
    public void authentication(String subtype, Outcome outcome, String userId, List<String> roles, String sessionRef,
                               RequestOrigin origin, String reason) {
        record(AUTHENTICATION, subtype, Action.E, outcome,
                new Agent(userId, null, roles, sessionRef, origin.address(), origin.userAgent()),
                userId == null ? null : new Entity("User", userId), reason);
    }

    /** An administrative action by an authenticated actor on an entity. */
    public void admin(String type, String subtype, Action action, Actor actor, RequestOrigin origin, Entity entity,
                      Outcome outcome, String reason) {
        record(type, subtype, action, outcome, agent(actor, origin), entity, reason);
    }

    public static Agent agent(Actor actor, RequestOrigin origin) {
        if (actor == null) {
            return Agent.anonymous(origin.address(), origin.userAgent());
        }
        return actor.kind() == Actor.Kind.USER
                ? new Agent(actor.id(), null, actor.roleIds(), actor.sessionRef(), origin.address(), origin.userAgent())
                : new Agent(actor.ownerId(), actor.id(), List.of(), null, origin.address(), origin.userAgent());
    }
}
