package dev.safeguard.program;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.HeldCredentials;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.identity.Role;
import dev.safeguard.identity.Workforce;
import dev.safeguard.program.internal.ProgramEvents;
import dev.safeguard.program.internal.ProgramRoles;
import dev.safeguard.program.workforce.WorkforceMemberStore;
import dev.safeguard.program.workforce.WorkforceTerminationStore;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import dev.safeguard.shared.SecurityEvent.Action;
import dev.safeguard.shared.SecurityEvent.Agent;
import dev.safeguard.shared.SecurityEvent.Outcome;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The program's workforce roster (164.308(a)(3)): the people who work for the organization, their job role, manager
 * and hire date, and the user accounts each holds (an account belongs to at most one member at a time). It names the
 * manager who supervises each account's holder ({@link Supervision}, 164.308(a)(3)(ii)(A)).
 *
 * <p>Guarantees: program readers read, program writers change; every change and its audit event (ids and fixed codes
 * only) commit together, and a new member or a newly linked account gets its at-hire training assignments in the
 * same transaction. Members are never deleted; they are terminated ({@link Terminations}).
 */
@Service
public class WorkforceRoster implements Supervision {

    /** The audit event type of roster changes. */
    public static final String EVENT_TYPE = "program-workforce";
    static final int MAX_LIST = 5000;
    static final LocalDate EARLIEST_HIRE = LocalDate.of(1900, 1, 1);

    private final WorkforceMemberStore members;
    private final WorkforceTerminationStore terminations;
    private final Workforce accounts;
    private final HeldCredentials credentials;
    private final TrainingAssignments training;
    private final ProgramEvents events;
    private final Clock clock;

    WorkforceRoster(WorkforceMemberStore members, WorkforceTerminationStore terminations, Workforce accounts,
                    HeldCredentials credentials, TrainingAssignments training, ProgramEvents events, Clock clock) {
        this.members = members;
        this.terminations = terminations;
        this.accounts = accounts;
        this.credentials = credentials;
        this.training = training;
        this.events = events;
        this.clock = clock;
    }

    /** Members ordered by name, optionally only those of one status. */
    public List<WorkforceMember> list(Actor actor, String status) {
        ProgramRoles.requireReader(actor);
        String only = status == null || status.isBlank() ? null : Fields.oneOf(status, "status",
                List.of(WorkforceMember.ACTIVE, WorkforceMember.TERMINATION_SCHEDULED, WorkforceMember.TERMINATED),
                null);
        Directory directory = directory();
        List<WorkforceMemberStore.Row> rows = members.list(MAX_LIST);
        Map<String, WorkforceMemberStore.Row> all = rows.stream()
                .collect(Collectors.toMap(WorkforceMemberStore.Row::id, Function.identity()));
        Map<String, List<WorkforceMemberStore.Link>> links = members.allLinks().stream()
                .collect(Collectors.groupingBy(WorkforceMemberStore.Link::memberId));
        return rows.stream().filter(r -> only == null || r.status().equals(only))
                .map(r -> view(r, all, links.getOrDefault(r.id(), List.of()), directory)).toList();
    }

    public WorkforceMember get(Actor actor, String id) {
        ProgramRoles.requireReader(actor);
        return view(row(id));
    }

    /** The member, for the other services of the program. */
    WorkforceMember get(String id) {
        return view(row(id));
    }

    public WorkforceMember create(Actor actor, MemberDraft draft, RequestOrigin origin) {
        ProgramRoles.requireWriter(actor);
        String id = UUID.randomUUID().toString();
        WorkforceMemberStore.Row row = validated(id, draft, actor.id(), clock.millis());
        Set<String> userIds = new LinkedHashSet<>();
        for (String userId : draft.userIds()) {
            userIds.add(account(userId).id());
        }
        Agent agent = ProgramEvents.agent(actor, origin);
        return events.atomically(() -> {
            members.insert(row);
            events.record(EVENT_TYPE, "create", Action.C, Outcome.SUCCESS, agent, "WorkforceMember", id, null, null);
            for (String userId : userIds) {
                link(row, userId, actor.id(), agent);
            }
            training.assignDue(id, agent);
            return view(row(id));
        });
    }

    /** Changes name, job title, department, type, manager and hire date; accounts and status stay. */
    public WorkforceMember update(Actor actor, String id, MemberDraft draft, RequestOrigin origin) {
        ProgramRoles.requireWriter(actor);
        WorkforceMemberStore.Row before = row(id);
        WorkforceMemberStore.Row changed = validated(id, draft, actor.id(), clock.millis());
        return events.atomically(() -> {
            members.update(new WorkforceMemberStore.Row(id, changed.name(), changed.jobTitle(), changed.department(),
                    changed.workforceType(), changed.managerId(), changed.hireDate(), before.status(),
                    before.createdAt(), before.createdBy(), changed.updatedAt(), changed.updatedBy()));
            events.record(EVENT_TYPE, "update", Action.U, Outcome.SUCCESS, ProgramEvents.agent(actor, origin),
                    "WorkforceMember", id, null, null);
            return view(row(id));
        });
    }

    /** Links a user account to the member; it must belong to no other member. */
    public WorkforceMember linkAccount(Actor actor, String id, String userId, RequestOrigin origin) {
        ProgramRoles.requireWriter(actor);
        Workforce.Member account = account(userId);
        Agent agent = ProgramEvents.agent(actor, origin);
        return events.atomically(() -> {
            WorkforceMemberStore.Row member = row(id);
            if (WorkforceMember.TERMINATED.equals(member.status()) && account.active()) {
                throw new ProblemException(ProblemKind.CONFLICT, "Member " + id + " is terminated; an active account "
                        + "cannot be linked to them (terminate the account, or link it to the member who holds it)");
            }
            link(member, account.id(), actor.id(), agent);
            training.assignDue(id, agent);
            return view(row(id));
        });
    }

    /** Ends the link of an account to the member (e.g. an account entered on the wrong person). */
    public WorkforceMember unlinkAccount(Actor actor, String id, String userId, RequestOrigin origin) {
        ProgramRoles.requireWriter(actor);
        return events.atomically(() -> {
            WorkforceMemberStore.Row member = row(id);
            if (!WorkforceMember.ACTIVE.equals(member.status())) {
                throw new ProblemException(ProblemKind.CONFLICT, "Member " + id + " is " + member.status() + "; the "
                        + "accounts of a termination stay linked as part of its record");
            }
            WorkforceMemberStore.Link link = members.linkOf(userId == null ? "" : userId.strip())
                    .filter(l -> l.memberId().equals(id)).orElseThrow(() -> new ProblemException(
                            ProblemKind.NOT_FOUND, "Member " + id + " holds no account "
                            + Fields.abbreviated(String.valueOf(userId))));
            members.unlink(id, link.userId(), clock.millis(), actor.id());
            events.record(EVENT_TYPE, "unlink-account", Action.U, Outcome.SUCCESS, ProgramEvents.agent(actor, origin),
                    "WorkforceAccount", link.id(), null, null);
            return view(row(id));
        });
    }

    /** The member who holds the account, if any. */
    public Optional<WorkforceMember> memberOf(String userId) {
        return members.linkOf(userId).map(l -> view(row(l.memberId())));
    }

    @Override
    public Optional<String> managerOf(String userId) {
        return members.linkOf(userId).flatMap(l -> members.find(l.memberId())).map(WorkforceMemberStore.Row::managerId)
                .flatMap(members::find).filter(m -> !WorkforceMember.TERMINATED.equals(m.status()))
                .flatMap(m -> members.links(m.id()).stream().map(l -> accounts.find(l.userId()))
                        .flatMap(Optional::stream).filter(Workforce.Member::active).map(Workforce.Member::id)
                        .findFirst());
    }

    /** Active accounts that belong to no member who is still on the workforce. */
    public List<Workforce.Member> orphanAccounts() {
        Set<String> held = new HashSet<>();
        for (WorkforceMemberStore.Link link : members.allLinks()) {
            members.find(link.memberId()).filter(m -> !WorkforceMember.TERMINATED.equals(m.status()))
                    .ifPresent(m -> held.add(link.userId()));
        }
        return accounts.active().stream().filter(a -> !held.contains(a.id())).toList();
    }

    private void link(WorkforceMemberStore.Row member, String userId, String by, Agent agent) {
        Optional<WorkforceMemberStore.Link> existing = members.linkOf(userId);
        if (existing.isPresent()) {
            throw new ProblemException(ProblemKind.CONFLICT, "Account " + userId + " already belongs to member "
                    + existing.get().memberId() + "; unlink it there first");
        }
        String linkId = UUID.randomUUID().toString();
        members.link(new WorkforceMemberStore.Link(linkId, member.id(), userId, clock.millis(), by, null, null));
        events.record(EVENT_TYPE, "link-account", Action.U, Outcome.SUCCESS, agent, "WorkforceAccount", linkId, null,
                null);
    }

    private WorkforceMemberStore.Row validated(String id, MemberDraft d, String by, long now) {
        if (d == null) {
            throw new ProblemException(ProblemKind.VALIDATION, "Give the member's name, job title and hire date");
        }
        String name = Fields.required(d.name(), "name", 100);
        String title = Fields.required(d.jobTitle(), "job title", 100);
        String department = Fields.optional(d.department(), "department", 100);
        if (name.contains("\n") || title.contains("\n") || department != null && department.contains("\n")) {
            throw new ProblemException(ProblemKind.VALIDATION, "The name, job title and department are single lines");
        }
        String type = Fields.oneOf(d.workforceType(), "workforce type", WorkforceMember.TYPES, "employee");
        LocalDate today = LocalDate.ofInstant(Instant.ofEpochMilli(now), ZoneOffset.UTC);
        if (d.hireDate() == null) {
            throw new ProblemException(ProblemKind.VALIDATION, "Give the hire date (YYYY-MM-DD)");
        }
        if (d.hireDate().isBefore(EARLIEST_HIRE) || d.hireDate().isAfter(today.plusYears(1))) {
            throw new ProblemException(ProblemKind.VALIDATION, "The hire date must be between " + EARLIEST_HIRE
                    + " and a year from today; got " + d.hireDate());
        }
        String manager = manager(id, d.managerId());
        return new WorkforceMemberStore.Row(id, name, title, department, type, manager, d.hireDate().toString(),
                WorkforceMember.ACTIVE, now, by, now, by);
    }

    private String manager(String id, String managerId) {
        if (managerId == null || managerId.isBlank()) {
            return null;
        }
        String clean = managerId.strip();
        WorkforceMemberStore.Row manager = members.find(clean).orElseThrow(() -> new ProblemException(
                ProblemKind.VALIDATION, "No member " + Fields.abbreviated(clean) + " to name as the manager"));
        if (WorkforceMember.TERMINATED.equals(manager.status())) {
            throw new ProblemException(ProblemKind.VALIDATION, "The manager " + manager.name() + " is terminated");
        }
        Set<String> seen = new HashSet<>();
        for (WorkforceMemberStore.Row up = manager; up != null; up = up.managerId() == null ? null
                : members.find(up.managerId()).orElse(null)) {
            if (up.id().equals(id) || !seen.add(up.id())) {
                throw new ProblemException(ProblemKind.VALIDATION, "A member cannot manage themselves, directly or "
                        + "through the managers above them");
            }
        }
        return clean;
    }

    private Workforce.Member account(String userId) {
        if (userId == null || userId.isBlank()) {
            throw new ProblemException(ProblemKind.VALIDATION, "Give the user id of the account to link");
        }
        return accounts.find(userId.strip()).orElseThrow(() -> new ProblemException(ProblemKind.VALIDATION,
                "No user account " + Fields.abbreviated(userId.strip())));
    }

    private WorkforceMemberStore.Row row(String id) {
        return members.find(id == null ? "" : id).orElseThrow(() -> new ProblemException(ProblemKind.NOT_FOUND,
                "No workforce member " + Fields.abbreviated(String.valueOf(id))));
    }

    /** The accounts and their lifecycle states, read once per answer. */
    private record Directory(Map<String, Workforce.Member> accounts, Map<String, HeldCredentials.AccountState> states) {
    }

    private Directory directory() {
        return new Directory(accounts.members().stream().collect(Collectors.toMap(Workforce.Member::id,
                Function.identity())), credentials.accountStates());
    }

    private WorkforceMember view(WorkforceMemberStore.Row r) {
        Map<String, WorkforceMemberStore.Row> manager = r.managerId() == null ? Map.of()
                : members.find(r.managerId()).map(m -> Map.of(m.id(), m)).orElse(Map.of());
        return view(r, manager, members.links(r.id()), directory());
    }

    private WorkforceMember view(WorkforceMemberStore.Row r, Map<String, WorkforceMemberStore.Row> others,
                                 List<WorkforceMemberStore.Link> links, Directory directory) {
        List<WorkforceMember.Account> held = links.stream().map(l -> {
            Workforce.Member m = directory.accounts().get(l.userId());
            HeldCredentials.AccountState state = directory.states().get(l.userId());
            String status = state == null ? "unknown" : state.status();
            return new WorkforceMember.Account(l.userId(), m == null ? l.userId() : m.username(),
                    m == null ? null : m.displayName(), status, m == null ? List.of()
                    : m.roles().stream().map(Role::id).sorted().toList(), Instant.ofEpochMilli(l.linkedAt()),
                    l.linkedBy());
        }).toList();
        WorkforceMember.TerminationSummary termination = terminations.current(r.id())
                .map(t -> new WorkforceMember.TerminationSummary(t.id(), t.status(),
                        Instant.ofEpochMilli(t.effectiveAt()), t.reason())).orElse(null);
        WorkforceMemberStore.Row manager = r.managerId() == null ? null : others.get(r.managerId());
        return new WorkforceMember(r.id(), r.name(), r.jobTitle(), r.department(), r.workforceType(), r.managerId(),
                manager == null ? null : manager.name(), LocalDate.parse(r.hireDate()), r.status(), held, termination,
                Instant.ofEpochMilli(r.createdAt()), r.createdBy(), Instant.ofEpochMilli(r.updatedAt()),
                r.updatedBy());
    }
}
