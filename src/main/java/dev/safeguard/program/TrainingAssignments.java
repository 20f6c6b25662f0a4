package dev.safeguard.program;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.identity.Workforce;
import dev.safeguard.program.internal.ProgramEvents;
import dev.safeguard.program.internal.ProgramRoles;
import dev.safeguard.program.training.TrainingAssignmentStore;
import dev.safeguard.program.training.Cadence;
import dev.safeguard.program.training.TrainingModuleStore;
import dev.safeguard.program.workforce.WorkforceMemberStore;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import dev.safeguard.shared.SecurityEvent.Action;
import dev.safeguard.shared.SecurityEvent.Agent;
import dev.safeguard.shared.SecurityEvent.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Training assignments (164.308(a)(5)): created by the cadence ({@link Cadence}: at hire, then a year after each
 * completion) for every active member who holds an active account — when the member is added or gets an account, and
 * by the schedule — and by officers. Measures "workforce completing security training on schedule".
 *
 * <p>Guarantees: a member has at most one open assignment per module; an assignment is completed once (by the member,
 * {@link MyTraining}) or cancelled once (termination, a withdrawn module), never deleted. Each assignment and its audit
 * event commit together.
 */
@Service
public class TrainingAssignments {

    /** The user id the cadence assigns as. */
    public static final String CADENCE = "safeguard";
    static final int MAX_LIST = 1000;
    static final Duration SCHEDULE_WINDOW = Duration.ofDays(365);
    static final List<String> STATUSES = List.of("pending", TrainingAssignment.OPEN, TrainingAssignment.OVERDUE,
            TrainingAssignment.COMPLETED, TrainingAssignment.COMPLETED_LATE, TrainingAssignment.CANCELLED);

    /** Part of a whole, e.g. assignments completed on schedule of those that fell due. */
    public record Tally(long part, long total) {
    }

    private final TrainingAssignmentStore store;
    private final TrainingModuleStore modules;
    private final WorkforceMemberStore members;
    private final Workforce accounts;
    private final WorkforceSettings settings;
    private final ProgramEvents events;
    private final Clock clock;

    TrainingAssignments(TrainingAssignmentStore store, TrainingModuleStore modules, WorkforceMemberStore members,
                        Workforce accounts, WorkforceSettings settings, ProgramEvents events, Clock clock) {
        this.store = store;
        this.modules = modules;
        this.members = members;
        this.accounts = accounts;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /** Assignments, latest due date first, optionally of one member, one module, one status; at most 1,000. */
    public List<TrainingAssignment> list(Actor actor, String memberId, String moduleId, String status) {
        ProgramRoles.requireReader(actor);
        String only = status == null || status.isBlank() ? null : Fields.oneOf(status, "status", STATUSES, null);
        Instant now = clock.instant();
        Names names = names();
        return store.list(blank(memberId), blank(moduleId), "pending".equals(only) || TrainingAssignment.OPEN
                        .equals(only) || TrainingAssignment.OVERDUE.equals(only), MAX_LIST).stream()
                .map(r -> view(r, names, now))
                .filter(a -> only == null || a.status().equals(only) || "pending".equals(only) && a.pending())
                .toList();
    }

    /** Assigns a module to a member on an officer's request, due on a day from today to a year ahead. */
    public TrainingAssignment assign(Actor actor, String memberId, String moduleId, LocalDate dueOn,
                                     RequestOrigin origin) {
        ProgramRoles.requireWriter(actor);
        WorkforceMemberStore.Row member = members.find(memberId == null ? "" : memberId.strip()).orElseThrow(() ->
                new ProblemException(ProblemKind.VALIDATION, "No workforce member "
                        + Fields.abbreviated(String.valueOf(memberId))));
        if (WorkforceMember.TERMINATED.equals(member.status())) {
            throw new ProblemException(ProblemKind.CONFLICT, "Member " + member.id() + " is terminated");
        }
        TrainingModuleStore.Row module = modules.find(moduleId == null ? "" : moduleId.strip()).orElseThrow(() ->
                new ProblemException(ProblemKind.VALIDATION, "No training module "
                        + Fields.abbreviated(String.valueOf(moduleId))));
        if (!module.active()) {
            throw new ProblemException(ProblemKind.CONFLICT, "Module " + module.id() + " is withdrawn; activate it "
                    + "before assigning it");
        }
        LocalDate today = today();
        if (dueOn == null || dueOn.isBefore(today) || dueOn.isAfter(today.plusYears(1))) {
            throw new ProblemException(ProblemKind.VALIDATION, "Give the due date (YYYY-MM-DD) from today to a year "
                    + "ahead; got " + dueOn);
        }
        Agent agent = ProgramEvents.agent(actor, origin);
        return events.atomically(() -> {
            TrainingAssignmentStore.Row row = row(member.id(), module.id(), Cadence.ASSIGNED, dueOn, actor.id());
            if (!insert(row, agent)) {
                throw new ProblemException(ProblemKind.CONFLICT, member.name() + " already has an open assignment of "
                        + module.title() + "; it must be completed first");
            }
            return view(store.find(row.id()).orElseThrow(), names(), clock.instant());
        });
    }

    /**
     * Creates what the cadence asks for one member today, if they are active and hold an active account. Joins the
     * caller's transaction (a new member, a linked account) or runs in its own.
     *
     * @return how many assignments it created
     */
    int assignDue(String memberId, Agent agent) {
        return events.atomically(() -> {
            WorkforceMemberStore.Row member = members.find(memberId).orElse(null);
            if (member == null || !WorkforceMember.ACTIVE.equals(member.status()) || !holdsActiveAccount(memberId)) {
                return 0;
            }
            List<TrainingAssignmentStore.Row> history = store.ofMember(memberId);
            LocalDate today = today();
            int created = 0;
            for (TrainingModuleStore.Row module : modules.list()) {
                if (!module.active()) {
                    continue;
                }
                List<Cadence.Past> past = history.stream().filter(a -> a.moduleId().equals(module.id()))
                        .map(a -> new Cadence.Past(LocalDate.parse(a.dueOn()), a.completedAt() == null ? null
                                : Instant.ofEpochMilli(a.completedAt()), a.cancelledAt() != null)).toList();
                var planned = Cadence.next(new Cadence.Module(module.atHire(), module.annual()),
                        LocalDate.parse(member.hireDate()), past, today, settings.atHireDays(),
                        (int) settings.annualLead().toDays());
                if (planned.isPresent() && insert(row(memberId, module.id(), planned.get().reason(),
                        planned.get().dueOn(), CADENCE), agent)) {
                    created++;
                }
            }
            return created;
        });
    }

    /** The schedule's pass over every active member; returns how many assignments it created. */
    public int assignAllDue() {
        Agent system = ProgramEvents.system("training-schedule");
        int created = 0;
        for (WorkforceMemberStore.Row member : members.withStatus(WorkforceMember.ACTIVE)) {
            created += assignDue(member.id(), system);
        }
        return created;
    }

    /** Cancels the member's open assignments (termination), inside the caller's transaction. */
    void cancelOpenOf(String memberId, String by, Agent agent) {
        long now = clock.millis();
        for (TrainingAssignmentStore.Row open : store.openOf(memberId)) {
            if (store.cancel(open.id(), now, by)) {
                events.record(TrainingModules.EVENT_TYPE, "assignment-cancel", Action.U, Outcome.SUCCESS, agent,
                        "TrainingAssignment", open.id(), null, "member-terminated");
            }
        }
    }

    /** The member's assignments, pending first. */
    List<TrainingAssignment> ofMember(String memberId) {
        Instant now = clock.instant();
        Names names = names();
        return store.ofMember(memberId).stream().map(r -> view(r, names, now)).toList();
    }

    /**
     * Of the assignments whose deadline fell in the last 365 days (not cancelled), those completed by their due date:
     * the metric "workforce completing security training on schedule".
     */
    public Tally onSchedule() {
        long now = clock.millis();
        List<TrainingAssignmentStore.Row> due = store.deadlinesBetween(now - SCHEDULE_WINDOW.toMillis(), now);
        return new Tally(due.stream().filter(r -> r.completedAt() != null && r.completedAt() < r.dueAt()).count(),
                due.size());
    }

    /** How a module's assignments stand now. */
    public record Progress(long completedOnTime, long completedLate, long open, long overdue) {
    }

    /** Every module's progress over all its assignments, by module id (modules never assigned are absent). */
    public Map<String, Progress> progress(Actor actor) {
        ProgramRoles.requireReader(actor);
        Map<String, Progress> progress = new HashMap<>();
        store.tallies(clock.millis()).forEach((module, t) -> progress.put(module, new Progress(t[0], t[1], t[2],
                t[3])));
        return Map.copyOf(progress);
    }

    /** Open assignments past their due date now. */
    public List<TrainingAssignment> overdue() {
        Instant now = clock.instant();
        Names names = names();
        return store.overdue(now.toEpochMilli()).stream().map(r -> view(r, names, now)).toList();
    }

    TrainingAssignment view(TrainingAssignmentStore.Row r) {
        return view(r, names(), clock.instant());
    }

    private boolean insert(TrainingAssignmentStore.Row row, Agent agent) {
        if (!store.insert(row)) {
            return false;
        }
        events.record(TrainingModules.EVENT_TYPE, "assign", Action.C, Outcome.SUCCESS, agent, "TrainingAssignment",
                row.id(), null, row.reason());
        return true;
    }

    private TrainingAssignmentStore.Row row(String memberId, String moduleId, String reason, LocalDate dueOn,
                                            String by) {
        return new TrainingAssignmentStore.Row(UUID.randomUUID().toString(), memberId, moduleId, reason,
                clock.millis(), by, dueOn.toString(), Cadence.deadline(dueOn).toEpochMilli(), null, null, null, null,
                null);
    }

    private boolean holdsActiveAccount(String memberId) {
        return members.links(memberId).stream().anyMatch(l -> accounts.find(l.userId())
                .map(Workforce.Member::active).orElse(false));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Member names and module titles by id, read once per answer. */
    private record Names(Map<String, String> members, Map<String, String> modules) {
    }

    private Names names() {
        Map<String, String> people = new HashMap<>();
        members.list(WorkforceRoster.MAX_LIST).forEach(m -> people.put(m.id(), m.name()));
        Map<String, String> titles = new HashMap<>();
        modules.list().forEach(m -> titles.put(m.id(), m.title()));
        return new Names(people, titles);
    }

    private static TrainingAssignment view(TrainingAssignmentStore.Row r, Names names, Instant now) {
        LocalDate dueOn = LocalDate.parse(r.dueOn());
        String status = r.completedAt() != null
                ? (r.completedAt() < r.dueAt() ? TrainingAssignment.COMPLETED : TrainingAssignment.COMPLETED_LATE)
                : r.cancelledAt() != null ? TrainingAssignment.CANCELLED
                : Cadence.overdue(dueOn, now) ? TrainingAssignment.OVERDUE : TrainingAssignment.OPEN;
        return new TrainingAssignment(r.id(), r.memberId(), names.members().get(r.memberId()), r.moduleId(),
                names.modules().get(r.moduleId()), r.reason(), Instant.ofEpochMilli(r.assignedAt()), r.assignedBy(),
                dueOn, status, r.completedAt() == null ? null : Instant.ofEpochMilli(r.completedAt()),
                r.completedVersion(), r.completedBy(), r.cancelledAt() == null ? null
                : Instant.ofEpochMilli(r.cancelledAt()));
    }
}
