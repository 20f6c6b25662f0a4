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
 * The audit events of the compliance program, appended in the same transaction as the change they describe: a new
 * control version, a 164.306(d) decision, recorded or verified evidence. They carry the item's id and version, never
 * free text (rationales, descriptions and evidence details stay in the program's tables).
 */
@Component
public class ProgramEvents {

    public static final String CONTROL = "program-control";
    public static final String DECISION = "program-decision";
    public static final String EVIDENCE = "program-evidence";

    private final AuditTrail trail;

    ProgramEvents(AuditTrail trail) {
        this.trail = trail;
    }

    public <T> T atomically(Supplier<T> work) {
        return trail.atomically(work);
    }

    public void record(String type, String subtype, Action action, Outcome outcome, Agent agent, String entityType,
                       String entityId, String entityVersion, String reason) {
        trail.append(new AuditEvent(type, subtype, action, outcome, null, agent, null, entityType, entityId,
                entityVersion, null, null, null, null, reason));
    }

    /** The agent of a signed-in user or service client. */
    public static Agent agent(Actor actor, RequestOrigin origin) {
        return actor.kind() == Actor.Kind.USER
                ? new Agent(actor.id(), null, actor.roleIds(), actor.sessionRef(), origin.address(), origin.userAgent())
                : new Agent(actor.ownerId(), actor.id(), List.of(), null, origin.address(), origin.userAgent());
    }

    /** Safeguard itself, e.g. an automated check or the first-start seeding of controls. */
    public static Agent system(String component) {
        return new Agent(null, null, List.of("system"), null, "local", "safeguard/" + component);
    }
}
