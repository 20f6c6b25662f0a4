package dev.safeguard.program;

import dev.safeguard.audit.AuditForensics;
import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.identity.ServiceClientView;
import dev.safeguard.identity.ServiceClients;
import dev.safeguard.identity.Workforce;
import dev.safeguard.program.incidents.AffectedStore;
import dev.safeguard.program.incidents.IncidentJournal;
import dev.safeguard.program.incidents.IncidentStore;
import dev.safeguard.program.internal.ProgramEvents;
import dev.safeguard.program.internal.ProgramRoles;
import dev.safeguard.records.PatientResidence;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import dev.safeguard.shared.SecurityEvent.Action;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import tools.jackson.databind.ObjectMapper;

/**
 * Who an incident affects (164.404: the individuals to notify; 164.406: residents per state). Computed from the audit
 * trail: the patients that the users and service clients involved touched through the FHIR API in a window (a
 * successful interaction: read, search result, create, update or delete; refused attempts are counted apart and do
 * not affect anyone), mapped inside the vault to where they live. Or, for records outside the vault (paper, a lost
 * device), established by an officer.
 *
 * <p>Guarantees: only counts are stored and returned, never a patient's id, name or pseudonym. Each computation is
 * audited: one event per agent analysed, naming the incident and the agent ({@code reason = agent u:<id>} or
 * {@code agent c:<id>}) with that agent's count of affected patients, committed with the stored result. The newest
 * count is the one in force for the deadlines; earlier ones stay.
 */
@Service
public class AffectedPatients {

    public static final String AUDIT_TRAIL = "audit-trail";
    public static final String OFFICER = "officer";
    static final int MAX_AGENTS = 10;
    static final int MAX_TOTAL = 100_000_000;
    static final int MAX_STATES = 100;

    /**
     * Whose activity to analyse, and when.
     *
     * @param users   workforce user ids (their own sessions)
     * @param clients service client ids
     * @param from    start of the window (inclusive)
     * @param to      end of the window (exclusive), not in the future
     */
    public record Analysis(List<String> users, List<String> clients, Instant from, Instant to) {
    }

    /**
     * A count an officer established outside the vault.
     *
     * @param byState residents per state; what they do not cover counts as {@code unknown}
     * @param notes   how the count was established (1 to 4,000 characters)
     */
    public record Count(Long total, Map<String, Long> byState, String notes) {
    }

    private final Incidents incidents;
    private final AffectedStore store;
    private final IncidentViews views;
    private final IncidentJournal journal;
    private final AuditForensics forensics;
    private final PatientResidence residence;
    private final Workforce workforce;
    private final ServiceClients clients;
    private final ProgramEvents events;
    private final ObjectMapper json;
    private final Clock clock;

    AffectedPatients(Incidents incidents, AffectedStore store, IncidentViews views, IncidentJournal journal,
                     AuditForensics forensics, PatientResidence residence, Workforce workforce, ServiceClients clients,
                     ProgramEvents events, ObjectMapper json, Clock clock) {
        this.incidents = incidents;
        this.store = store;
        this.views = views;
        this.journal = journal;
        this.forensics = forensics;
        this.residence = residence;
        this.workforce = workforce;
        this.clients = clients;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /** Every count of the incident, newest (in force) first. */
    public List<AffectedCount> history(Actor actor, String incidentId) {
        ProgramRoles.requireReader(actor);
        return store.history(incidents.row(incidentId).id()).stream().map(views::affected).toList();
    }

    /** Computes the affected patients from the audit trail and stores the counts on the incident. */
    public AffectedCount compute(Actor actor, String incidentId, Analysis analysis, RequestOrigin origin) {
        ProgramRoles.requireWriter(actor);
        List<String> users = distinct(analysis.users());
        List<String> clientIds = distinct(analysis.clients());
        if (users.isEmpty() && clientIds.isEmpty()) {
            throw new ProblemException(ProblemKind.VALIDATION, "Name at least one user (users) or service client "
                    + "(clients) whose activity to analyse");
        }
        if (users.size() + clientIds.size() > MAX_AGENTS) {
            throw new ProblemException(ProblemKind.VALIDATION, "Analyse at most " + MAX_AGENTS + " users and "
                    + "clients at once; got " + (users.size() + clientIds.size()));
        }
        for (String user : users) {
            if (workforce.find(user).isEmpty()) {
                throw new ProblemException(ProblemKind.VALIDATION, "No workforce member has id "
                        + Fields.abbreviated(user));
            }
        }
        Set<String> known = clients.registered().stream().map(ServiceClientView::id).collect(Collectors.toSet());
        for (String client : clientIds) {
            if (!known.contains(client)) {
                throw new ProblemException(ProblemKind.VALIDATION, "No service client has id "
                        + Fields.abbreviated(client));
            }
        }
        if (analysis.from() == null || analysis.to() == null || !analysis.from().isBefore(analysis.to())) {
            throw new ProblemException(ProblemKind.VALIDATION, "Give the window as from before to (ISO-8601 "
                    + "instants); got " + analysis.from() + " to " + analysis.to());
        }
        incidents.past(analysis.from(), "start of the window");
        incidents.past(analysis.to(), "end of the window");
        incidents.row(incidentId);

        List<AuditForensics.TouchedPatients> touched = new ArrayList<>();
        users.forEach(u -> touched.add(forensics.touchedByUser(u, analysis.from(), analysis.to())));
        clientIds.forEach(c -> touched.add(forensics.touchedByClient(c, analysis.from(), analysis.to())));
        Set<String> accessed = new HashSet<>();
        Set<String> refused = new HashSet<>();
        touched.forEach(t -> {
            accessed.addAll(t.accessed());
            refused.addAll(t.refusedOnly());
        });
        refused.removeAll(accessed);
        PatientResidence.Residence where = residence.of(accessed);
        Map<String, Integer> byState = new TreeMap<>(where.byState());
        if (where.unresolved() > 0) {
            byState.merge(PatientResidence.UNKNOWN, where.unresolved(), Integer::sum);
        }
        List<String> agents = new ArrayList<>();
        users.forEach(u -> agents.add("user:" + u));
        clientIds.forEach(c -> agents.add("client:" + c));
        AffectedStore.Row row = new AffectedStore.Row(UUID.randomUUID().toString(), incidentId, AUDIT_TRAIL,
                json.writeValueAsString(agents), analysis.from().toEpochMilli(), analysis.to().toEpochMilli(),
                accessed.size(), json.writeValueAsString(byState), (long) refused.size(), (long) where.withoutState(),
                (long) where.unreadable(), (long) where.unresolved(), null, clock.millis(), actor.id());
        return events.atomically(() -> {
            IncidentStore.Row incident = incidents.open(incidentId, null);
            store.insert(row);
            journal.change(incident.id(), actor.id(), "Affected individuals computed from the audit trail: "
                    + accessed.size() + " patients touched by " + String.join(", ", agents) + " between "
                    + analysis.from() + " and " + analysis.to() + " (" + describe(byState) + "); " + refused.size()
                    + " more only refused");
            for (AuditForensics.TouchedPatients t : touched) {
                journal.audit("affected-patients", Action.E, ProgramEvents.agent(actor, origin), incident.id(),
                        t.accessed().size(), "agent " + t.agent());
            }
            return views.affected(row);
        });
    }

    /** Records a count an officer established (records outside the vault); it replaces the count in force. */
    public AffectedCount record(Actor actor, String incidentId, Count count, RequestOrigin origin) {
        ProgramRoles.requireWriter(actor);
        if (count.total() == null || count.total() < 0 || count.total() > MAX_TOTAL) {
            throw new ProblemException(ProblemKind.VALIDATION, "Give the total number of affected individuals, 0 to "
                    + MAX_TOTAL);
        }
        String notes = Fields.required(count.notes(), "notes", Incidents.MAX_NOTE);
        Map<String, Integer> byState = new TreeMap<>();
        Map<String, Long> given = count.byState() == null ? Map.of() : count.byState();
        if (given.size() > MAX_STATES) {
            throw new ProblemException(ProblemKind.VALIDATION, "Give at most " + MAX_STATES + " states");
        }
        long covered = 0;
        for (Map.Entry<String, Long> e : given.entrySet()) {
            String state = Fields.required(e.getKey(), "state", 64);
            if (state.contains("\n") || e.getValue() == null || e.getValue() < 0) {
                throw new ProblemException(ProblemKind.VALIDATION, "Each state needs a one-line name and a count of "
                        + "0 or more");
            }
            if (e.getValue() > count.total()) {
                throw new ProblemException(ProblemKind.VALIDATION, "A state's count (" + e.getValue() + ") cannot be "
                        + "more than the total of " + count.total());
            }
            String key = state.length() == 2 ? state.toUpperCase(java.util.Locale.ROOT) : state;
            byState.merge(key, e.getValue().intValue(), Integer::sum);
            covered += e.getValue();
        }
        if (covered > count.total()) {
            throw new ProblemException(ProblemKind.VALIDATION, "The states add up to " + covered + ", more than the "
                    + "total of " + count.total());
        }
        if (covered < count.total()) {
            byState.merge(PatientResidence.UNKNOWN, (int) (count.total() - covered), Integer::sum);
        }
        AffectedStore.Row row = new AffectedStore.Row(UUID.randomUUID().toString(), incidentId, OFFICER, null, null,
                null, count.total(), json.writeValueAsString(byState), null, null, null, null, notes, clock.millis(),
                actor.id());
        return events.atomically(() -> {
            IncidentStore.Row incident = incidents.open(incidentId, null);
            store.insert(row);
            journal.change(incident.id(), actor.id(), "Affected individuals established by an officer: "
                    + count.total() + " (" + describe(byState) + "): " + notes);
            journal.audit("affected-count", Action.U, ProgramEvents.agent(actor, origin), incident.id(),
                    count.total().intValue(), null);
            return views.affected(row);
        });
    }

    private static String describe(Map<String, Integer> byState) {
        return byState.isEmpty() ? "no state" : byState.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private static List<String> distinct(List<String> ids) {
        if (ids == null) {
            return List.of();
        }
        Set<String> clean = new LinkedHashSet<>();
        for (String id : ids) {
            if (id != null && !id.isBlank()) {
                clean.add(Fields.required(id, "id", 100));
            }
        }
        return List.copyOf(clean);
    }
}
