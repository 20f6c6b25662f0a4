package dev.safeguard.program;

import dev.safeguard.audit.Alerts;
import dev.safeguard.program.incidents.IncidentJournal;
import dev.safeguard.program.incidents.IncidentSettings;
import dev.safeguard.program.incidents.IncidentStore;
import dev.safeguard.program.incidents.NotificationStore;
import dev.safeguard.program.internal.ProgramEvents;
import dev.safeguard.shared.SecurityEvent.Action;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The breach clocks of every incident at once: the overdue and reminder alerts, and the facts the evaluation checks
 * and metrics read.
 *
 * <p>Guarantees: each deadline raises at most one reminder ({@value #REMINDER_RULE}, medium) when it comes within the
 * reminder window and one overdue alert ({@value #OVERDUE_RULE}, high) once its due day has passed unmet, per due
 * day: a deadline that moves (more individuals, a law-enforcement delay) is alerted again for its new day. What was
 * raised is recorded with an audit event before the alert is sent, so a restart or a second node does not repeat it.
 * Alerts carry the incident's reference, the deadline and its day only.
 */
@Service
public class BreachClocks {

    public static final String REMINDER_RULE = "breach-deadline-reminder";
    public static final String OVERDUE_RULE = "breach-deadline-overdue";

    /** A deadline of an incident. */
    public record IncidentDeadline(String incidentId, String reference, BreachDeadline deadline) {
    }

    /**
     * The incidents as the checks and metrics see them.
     *
     * @param open       incidents not closed
     * @param overdue    deadlines passed without their notification
     * @param untriaged  references of incidents left in {@code reported} longer than the triage setting
     * @param late       deadlines met after their due day within the last year
     */
    public record Posture(long open, List<IncidentDeadline> overdue, List<String> untriaged,
                          List<IncidentDeadline> late, Duration triageWithin) {
    }

    private final IncidentStore incidents;
    private final NotificationStore notifications;
    private final IncidentViews views;
    private final IncidentJournal journal;
    private final ProgramEvents events;
    private final Alerts alerts;
    private final IncidentSettings settings;
    private final Clock clock;

    BreachClocks(IncidentStore incidents, NotificationStore notifications, IncidentViews views,
                 IncidentJournal journal, ProgramEvents events, Alerts alerts, IncidentSettings settings,
                 Clock clock) {
        this.incidents = incidents;
        this.notifications = notifications;
        this.views = views;
        this.journal = journal;
        this.events = events;
        this.alerts = alerts;
        this.settings = settings;
        this.clock = clock;
    }

    public Posture posture() {
        long open = 0;
        List<IncidentDeadline> overdue = new ArrayList<>();
        List<IncidentDeadline> late = new ArrayList<>();
        List<String> untriaged = new ArrayList<>();
        Instant triageBefore = clock.instant().minus(settings.triageWithin());
        LocalDate yearAgo = views.calculator().today().minusYears(1);
        for (IncidentStore.Row r : incidents.all()) {
            if (!r.status().equals(IncidentTerms.CLOSED)) {
                open++;
            }
            if (r.status().equals(IncidentTerms.REPORTED) && Instant.ofEpochMilli(r.reportedAt())
                    .isBefore(triageBefore)) {
                untriaged.add(r.reference());
            }
            for (BreachDeadline d : views.deadlines(r)) {
                if (d.status().equals(BreachDeadline.OVERDUE)) {
                    overdue.add(new IncidentDeadline(r.id(), r.reference(), d));
                } else if (d.status().equals(BreachDeadline.LATE) && d.metOn().isAfter(yearAgo)) {
                    late.add(new IncidentDeadline(r.id(), r.reference(), d));
                }
            }
        }
        return new Posture(open, overdue, untriaged, late, settings.triageWithin());
    }

    /** Raises the reminders and overdue alerts not raised yet; returns how many it raised. */
    public int alertDue() {
        int raised = 0;
        for (IncidentStore.Row r : incidents.all()) {
            for (BreachDeadline d : views.deadlines(r)) {
                boolean overdue = d.status().equals(BreachDeadline.OVERDUE);
                boolean soon = d.status().equals(BreachDeadline.DUE_SOON);
                if ((overdue || soon) && mark(r, d, overdue ? "overdue" : "reminder")) {
                    raise(r, d, overdue);
                    raised++;
                }
            }
        }
        return raised;
    }

    private boolean mark(IncidentStore.Row r, BreachDeadline d, String kind) {
        return events.atomically(() -> {
            if (!notifications.markAlerted(r.id(), d.key(), d.dueOn().toString(), kind, clock.millis())) {
                return false;
            }
            journal.audit("deadline-" + kind, Action.E, ProgramEvents.system("breach-clocks"), r.id(), null,
                    d.key() + " " + d.dueOn());
            return true;
        });
    }

    private void raise(IncidentStore.Row r, BreachDeadline d, boolean overdue) {
        String summary = "Incident " + r.reference() + ": " + d.title() + " (" + d.citation() + ") "
                + (overdue ? "was due " + d.dueOn() + " and is not recorded as sent"
                : "is due " + d.dueOn() + ", in " + d.daysRemaining() + " days");
        alerts.raise(overdue ? OVERDUE_RULE : REMINDER_RULE, overdue ? Alerts.Severity.HIGH : Alerts.Severity.MEDIUM,
                "incident:" + r.reference() + ":" + d.key(), summary.length() <= 500 ? summary
                        : summary.substring(0, 500));
    }
}
