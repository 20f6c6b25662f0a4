package dev.safeguard.program;

import dev.safeguard.audit.Alerts;
import dev.safeguard.audit.AuditForensics;
import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.program.incidents.IncidentJournal;
import dev.safeguard.program.incidents.IncidentStore;
import dev.safeguard.program.internal.ProgramEvents;
import dev.safeguard.program.internal.ProgramRoles;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import dev.safeguard.shared.SecurityEvent.Action;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Links between an incident and the audit events (by sequence number) and alerts (by id) that show it.
 *
 * <p>Guarantees: only an event or alert that exists can be linked (404 otherwise); a link and unlink are each
 * recorded in the timeline and audited, in one transaction. The linked event's summary shown is read from the audit
 * trail each time, never copied.
 */
@Service
public class IncidentLinks {

    public static final String AUDIT_EVENT = "audit-event";
    public static final String ALERT = "alert";
    static final List<String> KINDS = List.of(AUDIT_EVENT, ALERT);
    static final int MAX_LINKS = 1000;

    private final Incidents incidents;
    private final IncidentStore store;
    private final IncidentViews views;
    private final IncidentJournal journal;
    private final AuditForensics forensics;
    private final Alerts alerts;
    private final ProgramEvents events;
    private final Clock clock;

    IncidentLinks(Incidents incidents, IncidentStore store, IncidentViews views, IncidentJournal journal,
                  AuditForensics forensics, Alerts alerts, ProgramEvents events, Clock clock) {
        this.clock = clock;
        this.incidents = incidents;
        this.store = store;
        this.views = views;
        this.journal = journal;
        this.forensics = forensics;
        this.alerts = alerts;
        this.events = events;
    }

    public List<IncidentLink> list(Actor actor, String incidentId) {
        ProgramRoles.requireReader(actor);
        return store.links(incidents.row(incidentId).id()).stream().map(views::link).toList();
    }

    public IncidentLink link(Actor actor, String incidentId, String kind, Long ref, RequestOrigin origin) {
        ProgramRoles.requireWriter(actor);
        String k = Fields.oneOf(kind, "kind", KINDS, null);
        if (ref == null || ref < 1) {
            throw new ProblemException(ProblemKind.VALIDATION, "Give the " + (k.equals(ALERT) ? "alert id"
                    : "audit event's sequence number") + " as ref, a positive number");
        }
        if (k.equals(AUDIT_EVENT) && forensics.event(ref).isEmpty()) {
            throw new ProblemException(ProblemKind.NOT_FOUND, "No audit event has sequence number " + ref);
        }
        if (k.equals(ALERT)) {
            alerts.get(ref);
        }
        return events.atomically(() -> {
            IncidentStore.Row row = incidents.row(incidentId);
            if (store.links(row.id()).size() >= MAX_LINKS) {
                throw new ProblemException(ProblemKind.CONFLICT, "Incident " + row.reference() + " has "
                        + MAX_LINKS + " links already");
            }
            IncidentStore.Link link = new IncidentStore.Link(row.id(), k, ref, actor.id(), clock.millis());
            if (!store.insertLink(link)) {
                throw new ProblemException(ProblemKind.CONFLICT, "The " + label(k, ref) + " is linked already");
            }
            journal.change(row.id(), actor.id(), "Linked the " + label(k, ref));
            journal.audit("link", Action.U, ProgramEvents.agent(actor, origin), row.id(), null, k + " " + ref);
            return views.link(link);
        });
    }

    public void unlink(Actor actor, String incidentId, String kind, long ref, RequestOrigin origin) {
        ProgramRoles.requireWriter(actor);
        String k = Fields.oneOf(kind, "kind", KINDS, null);
        events.atomically(() -> {
            IncidentStore.Row row = incidents.row(incidentId);
            if (!store.deleteLink(row.id(), k, ref)) {
                throw new ProblemException(ProblemKind.NOT_FOUND, "The " + label(k, ref) + " is not linked to "
                        + row.reference());
            }
            journal.change(row.id(), actor.id(), "Unlinked the " + label(k, ref));
            journal.audit("unlink", Action.U, ProgramEvents.agent(actor, origin), row.id(), null, k + " " + ref);
            return null;
        });
    }

    private static String label(String kind, long ref) {
        return kind.equals(ALERT) ? "alert " + ref : "audit event " + ref;
    }
}
