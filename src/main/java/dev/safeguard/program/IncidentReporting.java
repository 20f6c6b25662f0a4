package dev.safeguard.program;

import dev.safeguard.audit.Alerts;
import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.program.incidents.IncidentJournal;
import dev.safeguard.program.incidents.IncidentStore;
import dev.safeguard.program.internal.ProgramEvents;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import dev.safeguard.shared.SecurityEvent.Action;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Incident reporting by the workforce (164.308(a)(6)(ii) response and reporting; part of security awareness,
 * 164.308(a)(5)): any signed-in workforce member reports a suspected incident, follows its status and adds notes.
 *
 * <p>Guarantees: only people (not service clients) report, and each sees and adds to only the incidents they
 * reported; another member's incident answers 404 as if it did not exist. A report is stored with its first timeline
 * entry and audit event in one transaction, and the security officers are alerted ({@value #ALERT_RULE}). The time of
 * discovery is the reporter's: a workforce member's knowledge is the organization's (164.404(a)(2)).
 */
@Service
public class IncidentReporting {

    public static final String ALERT_RULE = "incident-reported";

    /**
     * What a workforce member reports.
     *
     * @param discoveredAt when they first noticed it ({@code null}: now)
     */
    public record Report(String title, String description, String category, Instant discoveredAt) {
    }

    private final Incidents incidents;
    private final IncidentStore store;
    private final IncidentViews views;
    private final IncidentJournal journal;
    private final ProgramEvents events;
    private final Alerts alerts;
    private final Clock clock;

    IncidentReporting(Incidents incidents, IncidentStore store, IncidentViews views, IncidentJournal journal,
                      ProgramEvents events, Alerts alerts, Clock clock) {
        this.incidents = incidents;
        this.store = store;
        this.views = views;
        this.journal = journal;
        this.events = events;
        this.alerts = alerts;
        this.clock = clock;
    }

    public ReportedIncident report(Actor actor, Report report, RequestOrigin origin) {
        requirePerson(actor);
        Incidents.Valid v = incidents.validate(new Incidents.Draft(report.title(), report.description(),
                report.category(), null, report.discoveredAt(), null, null, null, null, null, null), actor.id());
        IncidentStore.Row row = events.atomically(() -> incidents.insert(v, actor.id(), "self-service",
                ProgramEvents.agent(actor, origin), "Reported through self-service"));
        alerts.raise(ALERT_RULE, Alerts.Severity.MEDIUM, "incident:" + row.reference(), "Incident " + row.reference()
                + " reported by a workforce member (" + row.category() + "); triage it");
        return views.reported(row);
    }

    /** The incidents the caller reported, newest first (at most 500). */
    public List<ReportedIncident> mine(Actor actor) {
        requirePerson(actor);
        return store.reportedBy(actor.id(), Incidents.MAX_LIST).stream().map(views::reported).toList();
    }

    public ReportedIncident mine(Actor actor, String id) {
        return views.reported(own(actor, id));
    }

    /** Adds what the reporter learned since; refused once the incident is closed. */
    public ReportedIncident note(Actor actor, String id, String text, RequestOrigin origin) {
        String clean = Fields.required(text, "text", Incidents.MAX_NOTE);
        return events.atomically(() -> {
            IncidentStore.Row row = own(actor, id);
            if (row.status().equals(IncidentTerms.CLOSED)) {
                throw new ProblemException(ProblemKind.CONFLICT, "Incident " + row.reference() + " is closed; tell "
                        + "the security officer directly");
            }
            journal.entry(row.id(), clock.instant(), actor.id(), "reporter-note", clean);
            journal.audit("reporter-note", Action.C, ProgramEvents.agent(actor, origin), row.id(), null, null);
            return views.reported(row);
        });
    }

    private IncidentStore.Row own(Actor actor, String id) {
        requirePerson(actor);
        return store.find(String.valueOf(id)).filter(r -> r.reporterId().equals(actor.id())
                        && r.reportedVia().equals("self-service"))
                .orElseThrow(() -> new ProblemException(ProblemKind.NOT_FOUND, "You reported no incident "
                        + Fields.abbreviated(String.valueOf(id))));
    }

    private static void requirePerson(Actor actor) {
        if (actor == null || actor.kind() != Actor.Kind.USER) {
            throw new ProblemException(ProblemKind.FORBIDDEN, "Incidents are reported by workforce members signed "
                    + "in to the console or API, not by service clients");
        }
    }
}
