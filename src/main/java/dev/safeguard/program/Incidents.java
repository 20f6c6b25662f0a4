package dev.safeguard.program;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.identity.Workforce;
import dev.safeguard.program.incidents.IncidentJournal;
import dev.safeguard.program.incidents.IncidentSettings;
import dev.safeguard.program.incidents.IncidentStore;
import dev.safeguard.program.internal.ProgramEvents;
import dev.safeguard.program.internal.ProgramRoles;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import dev.safeguard.shared.SecurityEvent.Action;
import dev.safeguard.shared.SecurityEvent.Agent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Security incident procedures (164.308(a)(6)): incident records with discovery time, reporter, category, severity,
 * status ({@code reported → triage → investigating → contained → closed}, valid transitions only) and a timeline.
 *
 * <p>Guarantees: officers (security and compliance) create, change and close incidents; auditors read; the
 * workforce reports through {@link IncidentReporting}. Every change, its timeline entry and its audit event commit
 * together or not at all; a refused change writes nothing. Changes name the version they start from, so two officers
 * cannot overwrite each other. A closed incident is final, except that notifications, notes and links can still be
 * recorded (the HHS annual log often comes later). Incidents are never deleted (164.316(b)(2)(i), 164.530(j)).
 */
@Service
public class Incidents {

    static final int MAX_TITLE = 200;
    static final int MAX_DESCRIPTION = 10_000;
    static final int MAX_NOTE = 4_000;
    static final int MAX_LIST = 500;
    static final int RETENTION_YEARS = 6;

    /**
     * An incident as an officer records it.
     *
     * @param discoveredAt when it was first known (or would have been with reasonable diligence); not in the future
     * @param capacity     {@link IncidentTerms#CAPACITIES}; {@code null}: the organization's role setting
     * @param reporterId   who reported it; {@code null}: the officer
     * @param baseVersion  for an update, the version it starts from ({@code null}: the current one)
     */
    public record Draft(String title, String description, String category, String severity, Instant discoveredAt,
                        Instant occurredFrom, Instant occurredTo, String capacity, String coveredEntity,
                        String reporterId, Long baseVersion) {
    }

    private final IncidentStore store;
    private final IncidentViews views;
    private final IncidentJournal journal;
    private final Workforce workforce;
    private final ProgramEvents events;
    private final IncidentSettings settings;
    private final Clock clock;

    Incidents(IncidentStore store, IncidentViews views, IncidentJournal journal, Workforce workforce,
              ProgramEvents events, IncidentSettings settings, Clock clock) {
        this.store = store;
        this.views = views;
        this.journal = journal;
        this.workforce = workforce;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    /** The organization's time zone, in which discovery days and deadlines are counted and forms are read. */
    public java.time.ZoneId timeZone() {
        return settings.zone();
    }

    /** Incidents, newest report first (at most 500), optionally of one status or {@code open} (not closed). */
    public List<IncidentSummary> list(Actor actor, String status) {
        ProgramRoles.requireReader(actor);
        List<String> allowed = new ArrayList<>(IncidentTerms.STATUSES);
        allowed.add("open");
        String only = status == null || status.isBlank() ? null : Fields.oneOf(status, "status", allowed, null);
        return store.list(MAX_LIST).stream()
                .filter(r -> only == null || (only.equals("open") ? !r.status().equals(IncidentTerms.CLOSED)
                        : r.status().equals(only)))
                .map(views::summary).toList();
    }

    public Incident get(Actor actor, String id) {
        ProgramRoles.requireReader(actor);
        return views.full(row(id));
    }

    public Incident create(Actor actor, Draft draft, RequestOrigin origin) {
        ProgramRoles.requireWriter(actor);
        Valid v = validate(draft, actor.id());
        IncidentStore.Row row = events.atomically(() -> insert(v, actor.id(), "officer",
                ProgramEvents.agent(actor, origin), "Recorded by an officer"));
        return views.full(row);
    }

    public Incident update(Actor actor, String id, Draft draft, RequestOrigin origin) {
        ProgramRoles.requireWriter(actor);
        Valid v = validate(draft, null);
        return events.atomically(() -> {
            IncidentStore.Row before = open(id, draft.baseVersion());
            String reporter = v.reporterId() == null ? before.reporterId() : v.reporterId();
            if (before.reportedVia().equals("self-service") && !reporter.equals(before.reporterId())) {
                throw new ProblemException(ProblemKind.VALIDATION, "The reporter of a self-service report is who "
                        + "reported it and cannot change");
            }
            IncidentStore.Row after = new IncidentStore.Row(before.id(), before.reference(), v.title(),
                    v.description(), v.category(), v.severity(), before.status(), v.discoveredAt().toEpochMilli(),
                    millis(v.occurredFrom()), millis(v.occurredTo()), before.reportedAt(), reporter,
                    before.reportedVia(), v.capacity(), v.coveredEntity(), before.resolution(), before.closedAt(),
                    before.closedBy(), before.holdKind(), before.holdStatedOn(), before.holdUntil(),
                    before.holdAgency(), before.holdOfficial(), clock.millis(), before.version() + 1);
            String changed = changes(before, after);
            if (changed.isEmpty()) {
                return views.full(before);
            }
            save(after, before.version());
            journal.change(id, actor.id(), "Changed " + changed);
            journal.audit("update", Action.U, ProgramEvents.agent(actor, origin), id, null, null);
            return views.full(after);
        });
    }

    /**
     * Moves the incident to {@code status}. Closing needs a resolution and a note: {@code not-an-incident} only from
     * triage; {@code resolved} only once the breach risk assessment is concluded and every notification due (other
     * than the HHS annual log, which may come after) is recorded.
     */
    public Incident transition(Actor actor, String id, String status, String resolution, String note,
                               RequestOrigin origin) {
        ProgramRoles.requireWriter(actor);
        String to = Fields.oneOf(status, "status", IncidentTerms.STATUSES, null);
        String text = Fields.optional(note, "note", MAX_NOTE);
        String ending = to.equals(IncidentTerms.CLOSED) ? Fields.oneOf(resolution, "resolution",
                IncidentTerms.RESOLUTIONS, null) : null;
        if (ending != null && text == null) {
            throw new ProblemException(ProblemKind.VALIDATION, "Give a note saying how the incident ended");
        }
        return events.atomically(() -> {
            IncidentStore.Row before = row(id);
            if (!IncidentViews.nextStatuses(before).contains(to)) {
                throw new ProblemException(ProblemKind.CONFLICT, "Incident " + before.reference() + " is "
                        + before.status() + " and cannot become " + to + "; it can become "
                        + (IncidentViews.nextStatuses(before).isEmpty() ? "nothing (closed is final)"
                        : String.join(" or ", IncidentViews.nextStatuses(before))));
            }
            if (ending != null) {
                requireClosable(before, ending);
            }
            long now = clock.millis();
            IncidentStore.Row after = new IncidentStore.Row(before.id(), before.reference(), before.title(),
                    before.description(), before.category(), before.severity(), to, before.discoveredAt(),
                    before.occurredFrom(), before.occurredTo(), before.reportedAt(), before.reporterId(),
                    before.reportedVia(), before.capacity(), before.coveredEntity(), ending,
                    ending == null ? null : now, ending == null ? null : actor.id(), before.holdKind(),
                    before.holdStatedOn(), before.holdUntil(), before.holdAgency(), before.holdOfficial(), now,
                    before.version() + 1);
            save(after, before.version());
            journal.change(id, actor.id(), "Status " + before.status() + " → " + to
                    + (ending == null ? "" : " (" + ending + ")") + (text == null ? "" : ": " + text));
            journal.audit("status-" + to, Action.U, ProgramEvents.agent(actor, origin), id, null, ending);
            return views.full(after);
        });
    }

    /** Adds an officer's note to the timeline; {@code occurredAt} (default now) may be earlier, never later. */
    public TimelineEntry note(Actor actor, String id, Instant occurredAt, String text, RequestOrigin origin) {
        ProgramRoles.requireWriter(actor);
        String clean = Fields.required(text, "text", MAX_NOTE);
        Instant at = occurredAt == null ? clock.instant() : past(occurredAt, "time of the note");
        return events.atomically(() -> {
            row(id);
            IncidentStore.Entry entry = journal.entry(id, at, actor.id(), "note", clean);
            journal.audit("note", Action.C, ProgramEvents.agent(actor, origin), id, null, null);
            return IncidentViews.entry(entry);
        });
    }

    public List<TimelineEntry> timeline(Actor actor, String id) {
        ProgramRoles.requireReader(actor);
        return store.entries(row(id).id()).stream().map(IncidentViews::entry).toList();
    }

    // ---- shared with the other incident services

    record Valid(String title, String description, String category, String severity, Instant discoveredAt,
                 Instant occurredFrom, Instant occurredTo, String capacity, String coveredEntity, String reporterId) {
    }

    /** Checks every field of a draft; {@code defaultReporter} fills a missing reporter (null: keep the stored one). */
    Valid validate(Draft d, String defaultReporter) {
        String title = Fields.required(d.title(), "title", MAX_TITLE);
        if (title.contains("\n")) {
            throw new ProblemException(ProblemKind.VALIDATION, "The title is one line");
        }
        String description = Fields.required(d.description(), "description", MAX_DESCRIPTION);
        String category = Fields.oneOf(d.category(), "category", IncidentTerms.CATEGORIES.keySet(), null);
        String severity = d.severity() == null || d.severity().isBlank() ? null
                : Fields.oneOf(d.severity(), "severity", IncidentTerms.SEVERITIES, null);
        Instant discovered = past(d.discoveredAt() == null ? clock.instant() : d.discoveredAt(), "discovery time");
        Instant from = d.occurredFrom() == null ? null : past(d.occurredFrom(), "start of the occurrence");
        Instant to = d.occurredTo() == null ? null : past(d.occurredTo(), "end of the occurrence");
        if (from != null && to != null && from.isAfter(to)) {
            throw new ProblemException(ProblemKind.VALIDATION, "The occurrence must start before it ends; got "
                    + from + " to " + to);
        }
        if (from != null && from.isAfter(discovered)) {
            throw new ProblemException(ProblemKind.VALIDATION, "An incident cannot be discovered (" + discovered
                    + ") before it started (" + from + ")");
        }
        String capacity = Fields.oneOf(d.capacity(), "capacity", IncidentTerms.CAPACITIES,
                settings.organizationRole());
        String coveredEntity = Fields.optional(d.coveredEntity(), "covered entity", MAX_TITLE);
        if (capacity.equals(IncidentTerms.BUSINESS_ASSOCIATE) && coveredEntity == null) {
            throw new ProblemException(ProblemKind.VALIDATION, "As a business associate, name the covered entity to "
                    + "notify (coveredEntity)");
        }
        String reporter = d.reporterId() == null || d.reporterId().isBlank() ? defaultReporter
                : workforce.find(d.reporterId().strip()).map(Workforce.Member::id).orElseThrow(() ->
                new ProblemException(ProblemKind.VALIDATION, "No workforce member has id "
                        + Fields.abbreviated(d.reporterId().strip())));
        return new Valid(title, description, category, severity, discovered, from, to, capacity,
                capacity.equals(IncidentTerms.BUSINESS_ASSOCIATE) ? coveredEntity : null, reporter);
    }

    /** Inserts a new incident with its first timeline entry and audit event; call inside {@code atomically}. */
    IncidentStore.Row insert(Valid v, String actorId, String via, Agent agent, String firstEntry) {
        Instant now = clock.instant();
        String prefix = "INC-" + ZonedDateTime.ofInstant(now, settings.zone()).getYear() + "-";
        String reference = prefix + String.format("%04d", store.referencesStartingWith(prefix) + 1);
        IncidentStore.Row row = new IncidentStore.Row(UUID.randomUUID().toString(), reference, v.title(),
                v.description(), v.category(), v.severity(), IncidentTerms.REPORTED,
                v.discoveredAt().toEpochMilli(), millis(v.occurredFrom()), millis(v.occurredTo()), now.toEpochMilli(),
                v.reporterId(), via, v.capacity(), v.coveredEntity(), null, null, null, null, null, null, null, null,
                now.toEpochMilli(), 1);
        store.insert(row);
        journal.change(row.id(), actorId, firstEntry + "; discovered " + v.discoveredAt());
        journal.audit(via.equals("officer") ? "create" : "report", Action.C, agent, row.id(), null, null);
        return row;
    }

    /** The incident, not closed, at {@code baseVersion} when one is named; 404, 409 otherwise. */
    IncidentStore.Row open(String id, Long baseVersion) {
        IncidentStore.Row row = row(id);
        if (row.status().equals(IncidentTerms.CLOSED)) {
            throw new ProblemException(ProblemKind.CONFLICT, "Incident " + row.reference() + " is closed; a closed "
                    + "incident is final");
        }
        if (baseVersion != null && baseVersion != row.version()) {
            throw new ProblemException(ProblemKind.CONFLICT, "Incident " + row.reference() + " is at version "
                    + row.version() + ", not " + baseVersion + "; read it again");
        }
        return row;
    }

    IncidentStore.Row row(String id) {
        return store.find(String.valueOf(id)).orElseThrow(() -> new ProblemException(ProblemKind.NOT_FOUND,
                "No incident " + Fields.abbreviated(String.valueOf(id))));
    }

    void save(IncidentStore.Row after, long expected) {
        if (!store.update(after, expected)) {
            throw new ProblemException(ProblemKind.CONFLICT, "Incident " + after.reference() + " changed meanwhile; "
                    + "read it again");
        }
    }

    /** A time that is not in the future and not older than the six years documentation is kept. */
    Instant past(Instant at, String label) {
        Instant now = clock.instant();
        if (at.isAfter(now)) {
            throw new ProblemException(ProblemKind.VALIDATION, "The " + label + " must not be in the future; got "
                    + at);
        }
        if (at.isBefore(ZonedDateTime.ofInstant(now, settings.zone()).minusYears(RETENTION_YEARS).toInstant())) {
            throw new ProblemException(ProblemKind.VALIDATION, "The " + label + " must be within the last "
                    + RETENTION_YEARS + " years; got " + at);
        }
        return at;
    }

    private void requireClosable(IncidentStore.Row row, String resolution) {
        if (resolution.equals(IncidentTerms.NOT_AN_INCIDENT)) {
            if (!row.status().equals(IncidentTerms.TRIAGE)) {
                throw new ProblemException(ProblemKind.CONFLICT, "Only an incident in triage can be closed as not "
                        + "an incident; conclude the breach risk assessment and close it as resolved");
            }
            return;
        }
        String determination = views.determination(row);
        if (determination.equals(IncidentTerms.PRESUMED_BREACH)) {
            throw new ProblemException(ProblemKind.CONFLICT, "Conclude the breach risk assessment of "
                    + row.reference() + " before closing it as resolved");
        }
        List<String> unmet = views.deadlines(row).stream().filter(d -> d.unmet() && !d.annualLog())
                .map(d -> d.title() + " (due " + d.dueOn() + ")").toList();
        if (!unmet.isEmpty()) {
            throw new ProblemException(ProblemKind.CONFLICT, "Record these notifications before closing "
                    + row.reference() + ": " + String.join("; ", unmet));
        }
    }

    private static String changes(IncidentStore.Row a, IncidentStore.Row b) {
        List<String> changed = new ArrayList<>();
        add(changed, "title", a.title(), b.title());
        add(changed, "description", a.description(), b.description());
        add(changed, "category " + a.category() + " → " + b.category(), a.category(), b.category());
        add(changed, "severity " + a.severity() + " → " + b.severity(), a.severity(), b.severity());
        add(changed, "discovery time " + Instant.ofEpochMilli(a.discoveredAt()) + " → "
                + Instant.ofEpochMilli(b.discoveredAt()), a.discoveredAt(), b.discoveredAt());
        add(changed, "occurrence", a.occurredFrom(), b.occurredFrom());
        add(changed, "occurrence", a.occurredTo(), b.occurredTo());
        add(changed, "reporter", a.reporterId(), b.reporterId());
        add(changed, "capacity " + a.capacity() + " → " + b.capacity(), a.capacity(), b.capacity());
        add(changed, "covered entity", a.coveredEntity(), b.coveredEntity());
        return String.join(", ", changed.stream().distinct().toList());
    }

    private static void add(List<String> changed, String label, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changed.add(label);
        }
    }

    private static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }
}
