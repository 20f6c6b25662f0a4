package dev.safeguard.program.internal;

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
 * The audit events of the risk register and the technology inventory (type {@code program}, subtypes such as
 * {@code asset-create} or {@code risk-update}), appended in the same transaction as the change. They carry the
 * entity's type and id only, never its free text.
 */
@Component
public class RiskInventoryEvents {

    public static final String TYPE = "program";
    /** The agent of changes Safeguard makes by itself (registering its own parts). */
    public static final String SYSTEM = "system";

    private final AuditTrail trail;

    RiskInventoryEvents(AuditTrail trail) {
        this.trail = trail;
    }

    public <T> T atomically(Supplier<T> work) {
        return trail.atomically(work);
    }

    /** Records a person's change. */
    public void record(String subtype, Action action, Actor actor, RequestOrigin origin, String entityType,
                       String entityId) {
        trail.append(event(subtype, action, agent(actor, origin), entityType, entityId));
    }

    /** Records a change Safeguard made by itself. */
    public void recordSystem(String subtype, Action action, String entityType, String entityId) {
        trail.append(event(subtype, action, Agent.anonymous("localhost", "safeguard-inventory"), entityType,
                entityId));
    }

    private static AuditEvent event(String subtype, Action action, Agent agent, String entityType, String entityId) {
        return new AuditEvent(TYPE, subtype, action, Outcome.SUCCESS, null, agent, null, entityType, entityId, null,
                null, null, null, null, null);
    }

    private static Agent agent(Actor actor, RequestOrigin origin) {
        return new Agent(actor.id(), null, actor.roleIds(), actor.sessionRef(), origin.address(), origin.userAgent());
    }
}
