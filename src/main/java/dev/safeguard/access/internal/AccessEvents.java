package dev.safeguard.access.internal;

import dev.safeguard.audit.AuditEvent;
import dev.safeguard.audit.AuditTrail;
import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.shared.SecurityEvent.Action;
import dev.safeguard.shared.SecurityEvent.Agent;
import dev.safeguard.shared.SecurityEvent.Outcome;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The audit events of access administration ({@code care-team}) and emergency access ({@code break-glass}), appended
 * in the same transaction as the change they describe. They carry ids and the patient (stored only as a pseudonym),
 * never the break-glass reason or review notes.
 */
@Component
public class AccessEvents {

    public static final String CARE_TEAM = "care-team";
    public static final String BREAK_GLASS = "break-glass";
    public static final String ETREAT = "ETREAT";

    private final AuditTrail trail;

    AccessEvents(AuditTrail trail) {
        this.trail = trail;
    }

    public <T> T atomically(Supplier<T> work) {
        return trail.atomically(work);
    }

    public void record(String type, String subtype, Action action, Outcome outcome, Actor actor, RequestOrigin origin,
                       String entityType, String entityId, String patientId, String purpose, String reason) {
        trail.append(new AuditEvent(type, subtype, action, outcome, null, agent(actor, origin), purpose, entityType,
                entityId, null, patientId == null ? null : "Patient/" + patientId, null, null, null, reason));
    }

    static Agent agent(Actor actor, RequestOrigin origin) {
        return actor.kind() == Actor.Kind.USER
                ? new Agent(actor.id(), null, actor.roleIds(), actor.sessionRef(), origin.address(), origin.userAgent())
                : new Agent(actor.ownerId(), actor.id(), List.of(), null, origin.address(), origin.userAgent());
    }
}
