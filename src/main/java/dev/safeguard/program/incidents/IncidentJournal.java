package dev.safeguard.program.incidents;

import dev.safeguard.audit.AuditEvent;
import dev.safeguard.audit.AuditTrail;
import dev.safeguard.shared.SecurityEvent.Action;
import dev.safeguard.shared.SecurityEvent.Agent;
import dev.safeguard.shared.SecurityEvent.Outcome;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What every change to an incident writes beside the change itself, in the caller's transaction: an audit event (type
 * {@value #EVENT_TYPE}; the incident's id, fixed codes and counts, never free text, names or patients) and, for people,
 * a timeline entry saying what changed.
 */
@Component
public class IncidentJournal {

    public static final String EVENT_TYPE = "program-incident";

    private final AuditTrail trail;
    private final IncidentStore store;
    private final Clock clock;

    IncidentJournal(AuditTrail trail, IncidentStore store, Clock clock) {
        this.trail = trail;
        this.store = store;
        this.clock = clock;
    }

    /**
     * Appends the audit event of a change.
     *
     * @param count  a count the change produced (e.g. affected patients), or {@code null}
     * @param reason a fixed code with ids only (e.g. {@code agent u:<id>}), or {@code null}
     */
    public void audit(String subtype, Action action, Agent agent, String incidentId, Integer count, String reason) {
        trail.append(new AuditEvent(EVENT_TYPE, subtype, action, Outcome.SUCCESS, null, agent, null, "Incident",
                incidentId, null, null, null, count, null, reason));
    }

    /** Adds a timeline entry that happened now. */
    public void change(String incidentId, String authorId, String text) {
        entry(incidentId, clock.instant(), authorId, "change", text);
    }

    /** Adds a timeline entry about {@code occurredAt} and returns it. */
    public IncidentStore.Entry entry(String incidentId, Instant occurredAt, String authorId, String kind,
                                     String text) {
        IncidentStore.Entry entry = new IncidentStore.Entry(UUID.randomUUID().toString(), incidentId,
                occurredAt.toEpochMilli(), clock.millis(), authorId, kind, text);
        store.insertEntry(entry);
        return entry;
    }
}
