package dev.safeguard.program;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.program.incidents.IncidentJournal;
import dev.safeguard.program.incidents.IncidentStore;
import dev.safeguard.program.incidents.NotificationStore;
import dev.safeguard.program.internal.ProgramEvents;
import dev.safeguard.program.internal.ProgramRoles;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import dev.safeguard.shared.SecurityEvent.Action;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Records of breach notifications sent (to individuals 164.404, media 164.406, HHS 164.408, the covered entity
 * 164.410) and of law-enforcement delays (164.412). A deadline is met when its notification is recorded.
 *
 * <p>Guarantees: officers record; auditors read. A notification cannot be dated before discovery or in the future;
 * a notice to individuals says how many it covered; media notice names its state. An oral law-enforcement statement
 * holds notification at most 30 days from the day it was made. Records are insert-only (a delay is replaced by a
 * newer statement, and the timeline keeps each); each is committed with its timeline entry and audit event.
 */
@Service
public class BreachNotifications {

    static final int ORAL_HOLD_DAYS = 30;
    static final long MAX_INDIVIDUALS = 100_000_000;

    /**
     * A notification as an officer records it.
     *
     * @param state       for {@code media}: the state or jurisdiction (USPS code or name)
     * @param individuals for {@code individuals}: how many the notice covered (required); otherwise optional
     */
    public record Draft(String recipient, String state, Instant sentAt, String method, Long individuals,
                        String notes) {
    }

    /**
     * A law-enforcement statement (164.412).
     *
     * @param until    the day the delay ends: required for a written statement; for an oral one at most 30 days
     *                 after {@code statedOn} (default: exactly 30)
     * @param official who made the statement (required for an oral one, 164.412(b))
     */
    public record Hold(String kind, LocalDate statedOn, LocalDate until, String agency, String official,
                       String notes) {
    }

    private final Incidents incidents;
    private final NotificationStore store;
    private final IncidentViews views;
    private final IncidentJournal journal;
    private final ProgramEvents events;
    private final Clock clock;

    BreachNotifications(Incidents incidents, NotificationStore store, IncidentViews views, IncidentJournal journal,
                        ProgramEvents events, Clock clock) {
        this.incidents = incidents;
        this.store = store;
        this.views = views;
        this.journal = journal;
        this.events = events;
        this.clock = clock;
    }

    public List<BreachNotification> list(Actor actor, String incidentId) {
        ProgramRoles.requireReader(actor);
        return store.of(incidents.row(incidentId).id()).stream().map(views::notification).toList();
    }

    /** The deadlines of the incident as of today. */
    public List<BreachDeadline> deadlines(Actor actor, String incidentId) {
        ProgramRoles.requireReader(actor);
        return views.deadlines(incidents.row(incidentId));
    }

    public BreachNotification record(Actor actor, String incidentId, Draft draft, RequestOrigin origin) {
        ProgramRoles.requireWriter(actor);
        String recipient = Fields.oneOf(draft.recipient(), "recipient", IncidentTerms.RECIPIENTS, null);
        String method = Fields.oneOf(draft.method(), "method", IncidentTerms.METHODS, null);
        String state = Fields.optional(draft.state(), "state", 64);
        if (recipient.equals(IncidentTerms.MEDIA) != (state != null)) {
            throw new ProblemException(ProblemKind.VALIDATION, recipient.equals(IncidentTerms.MEDIA)
                    ? "Name the state or jurisdiction whose media outlets were notified"
                    : "Only media notice names a state");
        }
        if (state != null && state.length() == 2) {
            state = state.toUpperCase(Locale.ROOT);
        }
        Long individuals = draft.individuals();
        if (individuals != null && (individuals < 0 || individuals > MAX_INDIVIDUALS)) {
            throw new ProblemException(ProblemKind.VALIDATION, "individuals must be between 0 and "
                    + MAX_INDIVIDUALS);
        }
        if (recipient.equals(IncidentTerms.INDIVIDUALS) && (individuals == null || individuals < 1)) {
            throw new ProblemException(ProblemKind.VALIDATION, "Say how many individuals the notice covered "
                    + "(individuals, 1 or more)");
        }
        if (draft.sentAt() == null) {
            throw new ProblemException(ProblemKind.VALIDATION, "Give the time it was sent (sentAt)");
        }
        Instant sentAt = incidents.past(draft.sentAt(), "time it was sent");
        String notes = Fields.optional(draft.notes(), "notes", Incidents.MAX_NOTE);
        String cleanState = state;
        return events.atomically(() -> {
            IncidentStore.Row incident = incidents.row(incidentId);
            if (sentAt.toEpochMilli() < incident.discoveredAt()) {
                throw new ProblemException(ProblemKind.VALIDATION, "A notification cannot be sent (" + sentAt
                        + ") before the breach was discovered (" + Instant.ofEpochMilli(incident.discoveredAt()) + ")");
            }
            NotificationStore.Row row = new NotificationStore.Row(UUID.randomUUID().toString(), incident.id(),
                    recipient, cleanState, sentAt.toEpochMilli(), method, individuals, notes, clock.millis(),
                    actor.id());
            store.insert(row);
            journal.entry(incident.id(), sentAt, actor.id(), "change", "Notification sent to " + recipient
                    + (cleanState == null ? "" : " (" + cleanState + ")") + " by " + method
                    + (individuals == null ? "" : ", " + individuals + " individuals"));
            journal.audit("notification", Action.C, ProgramEvents.agent(actor, origin), incident.id(),
                    individuals == null ? null : individuals.intValue(), recipient);
            return views.notification(row);
        });
    }

    /** Records a law-enforcement statement; it replaces the one in force. */
    public LawEnforcementDelay hold(Actor actor, String incidentId, Hold hold, RequestOrigin origin) {
        ProgramRoles.requireWriter(actor);
        String kind = Fields.oneOf(hold.kind(), "kind", IncidentTerms.HOLD_KINDS, null);
        String agency = Fields.required(hold.agency(), "agency", 200);
        String official = Fields.optional(hold.official(), "official", 200);
        String notes = Fields.optional(hold.notes(), "notes", Incidents.MAX_NOTE);
        if (hold.statedOn() == null) {
            throw new ProblemException(ProblemKind.VALIDATION, "Give the day of the statement (statedOn)");
        }
        LocalDate today = views.calculator().today();
        if (hold.statedOn().isAfter(today)) {
            throw new ProblemException(ProblemKind.VALIDATION, "The statement cannot be dated in the future; got "
                    + hold.statedOn());
        }
        LocalDate until;
        if (kind.equals("written")) {
            if (hold.until() == null || hold.until().isBefore(hold.statedOn())) {
                throw new ProblemException(ProblemKind.VALIDATION, "A written statement specifies the time of the "
                        + "delay: give until, on or after the day of the statement");
            }
            until = hold.until();
        } else {
            if (official == null) {
                throw new ProblemException(ProblemKind.VALIDATION, "Document the identity of the official who made "
                        + "the oral statement (164.412(b))");
            }
            LocalDate cap = hold.statedOn().plusDays(ORAL_HOLD_DAYS);
            until = hold.until() == null ? cap : hold.until();
            if (until.isAfter(cap) || until.isBefore(hold.statedOn())) {
                throw new ProblemException(ProblemKind.VALIDATION, "An oral statement delays notification no longer "
                        + "than " + ORAL_HOLD_DAYS + " days, until " + cap + " at the latest; record the written "
                        + "statement for a longer delay");
            }
        }
        LocalDate held = until;
        return events.atomically(() -> {
            IncidentStore.Row before = incidents.open(incidentId, null);
            if (hold.statedOn().isBefore(views.calculator().day(Instant.ofEpochMilli(before.discoveredAt())))) {
                throw new ProblemException(ProblemKind.VALIDATION, "The statement (" + hold.statedOn() + ") cannot "
                        + "come before the discovery of the breach");
            }
            IncidentStore.Row after = new IncidentStore.Row(before.id(), before.reference(), before.title(),
                    before.description(), before.category(), before.severity(), before.status(),
                    before.discoveredAt(), before.occurredFrom(), before.occurredTo(), before.reportedAt(),
                    before.reporterId(), before.reportedVia(), before.capacity(), before.coveredEntity(),
                    before.resolution(), before.closedAt(), before.closedBy(), kind, hold.statedOn().toString(),
                    held.toString(), agency, official, clock.millis(), before.version() + 1);
            incidents.save(after, before.version());
            journal.change(before.id(), actor.id(), "Law-enforcement delay (164.412): " + kind + " statement of "
                    + hold.statedOn() + " by " + agency + (official == null ? "" : " (" + official + ")")
                    + " holds notification until " + held + (notes == null ? "" : ": " + notes));
            journal.audit("law-enforcement-delay", Action.U, ProgramEvents.agent(actor, origin), before.id(), null,
                    kind);
            return IncidentViews.hold(after);
        });
    }
}
