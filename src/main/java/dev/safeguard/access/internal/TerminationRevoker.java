package dev.safeguard.access.internal;

import dev.safeguard.audit.AuditEvent;
import dev.safeguard.audit.AuditTrail;
import dev.safeguard.identity.UserTerminated;
import dev.safeguard.shared.SecurityEvent.Action;
import dev.safeguard.shared.SecurityEvent.Agent;
import dev.safeguard.shared.SecurityEvent.Outcome;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Ends a terminated user's care-team assignments and break-glass grants in the termination's own transaction, at the
 * time it is carried out (when access really stops; the effective time may lie before it), each with an audit event
 * naming the terminating officer.
 */
@Component
class TerminationRevoker {

    private final AccessStore store;
    private final AuditTrail trail;

    TerminationRevoker(AccessStore store, AuditTrail trail) {
        this.store = store;
        this.trail = trail;
    }

    @EventListener
    void on(UserTerminated terminated) {
        long at = terminated.revokedAt().toEpochMilli();
        Agent officer = new Agent(terminated.byUserId(), null, List.of(), null, "internal", null);
        for (String id : store.endAssignmentsOf(terminated.userId(), at, terminated.byUserId())) {
            trail.append(event(AccessEvents.CARE_TEAM, officer, "CareTeamAssignment", id));
        }
        for (String id : store.endGrantsOf(terminated.userId(), at, terminated.byUserId())) {
            trail.append(event(AccessEvents.BREAK_GLASS, officer, "BreakGlassGrant", id));
        }
    }

    private static AuditEvent event(String type, Agent officer, String entityType, String id) {
        return new AuditEvent(type, "end-on-termination", Action.U, Outcome.SUCCESS, null, officer, null, entityType,
                id, null, null, null, null, null, "user-terminated");
    }
}
