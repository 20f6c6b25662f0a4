package dev.safeguard.program;

import dev.safeguard.access.HeldAccess;
import dev.safeguard.audit.Alerts;
import dev.safeguard.audit.AuditActivity;
import dev.safeguard.identity.Accounts;
import dev.safeguard.identity.Actor;
import dev.safeguard.identity.HeldCredentials;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.identity.Role;
import dev.safeguard.identity.UserView;
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
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;

/**
 * Termination procedures (164.308(a)(3)(ii)(C)) for workforce members: one request ends every account the member
 * holds — deleting every session, revoking every API key, ending every care-team assignment and break-glass grant —
 * and records each revocation with its time, the latency from the effective time, and signed evidence.
 *
 * <p>Guarantees: only a security officer terminates (it ends accounts). Everything of one termination — every
 * account, credential, assignment and grant, the member's status, the cancelled training, the items, the evidence and
 * the audit events — commits in one transaction or not at all (e.g. when one account is the caller's own). An
 * effective time in the past is honoured: accounts are recorded as terminated from then, and the latency shows the
 * delay. An effective time ahead schedules the termination; the schedule carries it out when it comes, under the
 * authority of the officer who requested it (or the security official), and its latency is the schedule's lag.
 */
@Service
public class Terminations {

    /** The audit event type of terminations. */
    public static final String EVENT_TYPE = "program-termination";
    static final String COLLECTOR = "program.termination";
    static final List<String> CONTROLS = List.of("164.308(a)(3)(ii)(C)");
    static final Duration MAX_AHEAD = Duration.ofDays(366);
    static final Duration MEASURED_WINDOW = Duration.ofDays(90);
    static final String OVERDUE_RULE = "termination-overdue";
    static final int MAX_NOTES = 2000;

    private final WorkforceTerminationStore store;
    private final WorkforceMemberStore members;
    private final WorkforceRoster roster;
    private final TrainingAssignments training;
    private final Accounts accounts;
    private final Workforce workforce;
    private final HeldCredentials credentials;
    private final HeldAccess access;
    private final AuditActivity activity;
    private final TerminationRecords records;
    private final Alerts alerts;
    private final ProgramEvents events;
    private final Clock clock;

    Terminations(WorkforceTerminationStore store, WorkforceMemberStore members, WorkforceRoster roster,
                 TrainingAssignments training, Accounts accounts, Workforce workforce, HeldCredentials credentials,
                 HeldAccess access, AuditActivity activity, TerminationRecords records, Alerts alerts,
                 ProgramEvents events, Clock clock) {
        this.store = store;
        this.members = members;
        this.roster = roster;
        this.training = training;
        this.accounts = accounts;
        this.workforce = workforce;
        this.credentials = credentials;
        this.access = access;
        this.activity = activity;
        this.records = records;
        this.alerts = alerts;
        this.events = events;
        this.clock = clock;
    }

    /** Terminations, newest effective time first. */
    public List<Termination> list(Actor actor) {
        ProgramRoles.requireReader(actor);
        return store.list(WorkforceRoster.MAX_LIST).stream().map(records::view).toList();
    }

    public Termination get(Actor actor, String id) {
        ProgramRoles.requireReader(actor);
        return records.view(row(id));
    }

    /** What terminating the member would revoke now, and what would refuse it if {@code actor} asked. */
    public TerminationPreview preview(Actor actor, String memberId) {
        ProgramRoles.requireReader(actor);
        WorkforceMember member = roster.get(memberId);
        Map<String, HeldCredentials.AccountState> states = credentials.accountStates();
        List<TerminationPreview.AccountPreview> previews = new ArrayList<>();
        List<String> blockers = new ArrayList<>();
        if (!WorkforceMember.ACTIVE.equals(member.status())) {
            blockers.add(member.name() + " is " + member.status().replace('-', ' '));
        }
        if (!actor.has(Role.SECURITY_OFFICER)) {
            blockers.add("Only a security officer terminates a member");
        }
        for (WorkforceMember.Account account : member.accounts()) {
            HeldCredentials.AccountState state = states.get(account.userId());
            String status = state == null ? account.status() : state.status();
            boolean terminated = "terminated".equals(status);
            previews.add(new TerminationPreview.AccountPreview(account.userId(), account.username(), status,
                    account.roles(), terminated ? List.of() : credentials.sessionsOf(account.userId()),
                    terminated ? List.of() : credentials.apiKeysOf(account.userId()),
                    terminated ? List.of() : access.inForce(account.userId())));
            if (!terminated && account.userId().equals(actor.id())) {
                blockers.add("The account " + account.username() + " is your own; another security officer must "
                        + "terminate this member");
            }
        }
        boolean anotherOfficer = workforce.active().stream().anyMatch(m -> m.has(Role.SECURITY_OFFICER)
                && member.accounts().stream().noneMatch(a -> a.userId().equals(m.id())));
        if (!anotherOfficer && member.accounts().stream().anyMatch(a -> a.roles().contains(
                Role.SECURITY_OFFICER.id()) && !"terminated".equals(a.status()))) {
            blockers.add("At least one active security officer must remain; appoint another one first");
        }
        int pending = (int) training.ofMember(member.id()).stream().filter(TrainingAssignment::pending).count();
        return new TerminationPreview(member.id(), member.name(), member.status(), previews, pending, blockers);
    }

    /**
     * Terminates the member as of {@code effectiveAt} ({@code null}: now), or schedules it when that lies ahead.
     *
     * @param reason one of {@link Termination#REASONS}
     */
    public Termination terminate(Actor actor, String memberId, Instant effectiveAt, String reason, String notes,
                                 RequestOrigin origin) {
        requireSecurityOfficer(actor);
        String why = Fields.oneOf(reason, "reason", Termination.REASONS, null);
        String clean = Fields.optional(notes == null ? null : notes.replace("\r\n", "\n"), "notes", MAX_NOTES);
        WorkforceMember member = roster.get(memberId);
        Instant now = clock.instant();
        Instant effective = effectiveAt == null ? now : effectiveAt;
        if (effective.isBefore(member.hireDate().atStartOfDay(ZoneOffset.UTC).toInstant())) {
            throw new ProblemException(ProblemKind.VALIDATION, "The effective time " + effective + " is before the "
                    + "member's hire date " + member.hireDate());
        }
        if (effective.isAfter(now.plus(MAX_AHEAD))) {
            throw new ProblemException(ProblemKind.VALIDATION, "A termination can be scheduled at most "
                    + MAX_AHEAD.toDays() + " days ahead; got " + effective);
        }
        String id = UUID.randomUUID().toString();
        Agent agent = ProgramEvents.agent(actor, origin);
        WorkforceTerminationStore.Row row = new WorkforceTerminationStore.Row(id, member.id(),
                effective.toEpochMilli(), why, clean, WorkforceTerminationStore.SCHEDULED, now.toEpochMilli(),
                actor.id(), null, null, null, null, null, null);
        return events.atomically(() -> {
            if (!members.setStatus(member.id(), WorkforceMember.ACTIVE, WorkforceMember.TERMINATION_SCHEDULED,
                    now.toEpochMilli(), actor.id())) {
                throw new ProblemException(ProblemKind.CONFLICT, member.name() + " is " + members.find(member.id())
                        .map(WorkforceMemberStore.Row::status).orElse("unknown").replace('-', ' ')
                        + "; a member is terminated once");
            }
            store.insert(row);
            if (effective.isAfter(now)) {
                if (member.accounts().stream().anyMatch(a -> a.userId().equals(actor.id()))) {
                    throw new ProblemException(ProblemKind.CONFLICT, "You hold an account of this member; another "
                            + "security officer must terminate them");
                }
                events.record(EVENT_TYPE, "schedule", Action.C, Outcome.SUCCESS, agent, "Termination", id, null, why);
                return records.view(store.find(id).orElseThrow());
            }
            events.record(EVENT_TYPE, "request", Action.C, Outcome.SUCCESS, agent, "Termination", id, null, why);
            return execute(row, actor, origin, agent);
        });
    }

    /** Cancels a scheduled termination; the member stays on the workforce. */
    public Termination cancel(Actor actor, String id, RequestOrigin origin) {
        requireSecurityOfficer(actor);
        return events.atomically(() -> {
            WorkforceTerminationStore.Row row = row(id);
            long now = clock.millis();
            if (!store.cancel(row.id(), now, actor.id())) {
                throw new ProblemException(ProblemKind.CONFLICT, "Termination " + row.id() + " is " + row.status()
                        + "; only a scheduled termination can be cancelled");
            }
            members.setStatus(row.memberId(), WorkforceMember.TERMINATION_SCHEDULED, WorkforceMember.ACTIVE, now,
                    actor.id());
            events.record(EVENT_TYPE, "cancel", Action.U, Outcome.SUCCESS, ProgramEvents.agent(actor, origin),
                    "Termination", row.id(), null, null);
            return records.view(row(id));
        });
    }

    /**
     * Carries out every scheduled termination whose effective time has come. One that cannot be carried out (no
     * security officer to act, or identity refuses it) stays scheduled and raises an alert. For the schedule.
     *
     * @return how many were carried out
     */
    public int executeDue() {
        int done = 0;
        for (WorkforceTerminationStore.Row due : store.due(clock.millis())) {
            Optional<Actor> executor = executor(due);
            if (executor.isEmpty()) {
                overdue(due, "no active security officer who holds none of the member's accounts can carry it out");
                continue;
            }
            RequestOrigin origin = new RequestOrigin("local", "safeguard/termination-schedule");
            try {
                events.atomically(() -> execute(due, executor.get(), origin, ProgramEvents.agent(executor.get(),
                        origin)));
                done++;
            } catch (ProblemException e) {
                overdue(due, "identity refused it (" + e.kind().name().toLowerCase(java.util.Locale.ROOT) + ")");
            }
        }
        return done;
    }

    /** Executed terminations, for the evaluation check. */
    public List<Termination> executed() {
        return store.withStatus(WorkforceTerminationStore.EXECUTED).stream().map(records::view).toList();
    }

    /** Scheduled terminations, for the evaluation check. */
    public List<Termination> scheduled() {
        return store.withStatus(WorkforceTerminationStore.SCHEDULED).stream().map(records::view).toList();
    }

    private Termination execute(WorkforceTerminationStore.Row t, Actor actor, RequestOrigin origin, Agent agent) {
        WorkforceTerminationStore.Row current = row(t.id());
        if (!WorkforceTerminationStore.SCHEDULED.equals(current.status())) {
            // Carried out or cancelled meanwhile (another node's schedule, an officer): nothing left to do.
            return records.view(current);
        }
        Instant now = clock.instant();
        Instant effective = Instant.ofEpochMilli(t.effectiveAt());
        WorkforceMember member = roster.get(t.memberId());
        Map<String, HeldCredentials.AccountState> states = credentials.accountStates();
        List<String> userIds = new ArrayList<>();
        for (WorkforceMember.Account account : member.accounts()) {
            userIds.add(account.userId());
            HeldCredentials.AccountState state = states.get(account.userId());
            if (state == null || "terminated".equals(state.status())) {
                continue;
            }
            UserView user = accounts.get(actor, account.userId());
            Instant from = effective.isBefore(user.createdAt()) ? user.createdAt() : effective;
            accounts.terminate(actor, account.userId(), from, origin);
            store.insert(new WorkforceTerminationStore.Item(t.id(), "ACCOUNT", account.userId(), account.userId(),
                    now.toEpochMilli()));
            for (HeldCredentials.Revocation r : credentials.revocationsOf(account.userId())) {
                if ("TERMINATED".equals(r.cause())) {
                    store.insert(new WorkforceTerminationStore.Item(t.id(), r.kind(), r.reference(), account.userId(),
                            r.revokedAt().toEpochMilli()));
                }
            }
            for (HeldAccess.Entitlement e : access.endedSince(account.userId(), now)) {
                store.insert(new WorkforceTerminationStore.Item(t.id(), e.kind(), e.id(), account.userId(),
                        e.endedAt().toEpochMilli()));
            }
        }
        members.setStatus(member.id(), WorkforceMember.TERMINATION_SCHEDULED, WorkforceMember.TERMINATED,
                now.toEpochMilli(), actor.id());
        training.cancelOpenOf(member.id(), actor.id(), agent);
        Long after = eventsAfter(Set.copyOf(userIds), effective, now);
        WorkforceTerminationStore.Row executed = new WorkforceTerminationStore.Row(t.id(), t.memberId(),
                t.effectiveAt(), t.reason(), t.notes(), WorkforceTerminationStore.EXECUTED, t.requestedAt(),
                t.requestedBy(), now.toEpochMilli(), actor.id(), null, null, after, null);
        String evidenceId = records.recordEvidence(records.view(executed), member);
        if (!store.markExecuted(t.id(), now.toEpochMilli(), actor.id(), after, evidenceId)) {
            throw new ProblemException(ProblemKind.CONFLICT, "Termination " + t.id() + " is no longer scheduled");
        }
        events.record(EVENT_TYPE, "execute", Action.U, Outcome.SUCCESS, agent, "Termination", t.id(), null,
                t.reason());
        return records.view(row(t.id()));
    }

    /** Events by the member's accounts and their API keys in [effective, now), or null when not measured. */
    private Long eventsAfter(Set<String> userIds, Instant effective, Instant now) {
        if (userIds.isEmpty() || !effective.isBefore(now)) {
            return 0L;
        }
        if (Duration.between(effective, now).compareTo(MEASURED_WINDOW) > 0) {
            return null;
        }
        return activity.counts(effective, now).groups().stream()
                .filter(g -> g.agentUser() != null && userIds.contains(g.agentUser()))
                .mapToLong(AuditActivity.Group::count).sum();
    }

    private Optional<Actor> executor(WorkforceTerminationStore.Row due) {
        Set<String> held = Set.copyOf(members.links(due.memberId()).stream()
                .map(WorkforceMemberStore.Link::userId).toList());
        return Stream.concat(workforce.find(due.requestedBy()).stream(), workforce.securityOfficial().stream())
                .filter(m -> m.active() && m.has(Role.SECURITY_OFFICER) && !held.contains(m.id())).findFirst()
                .map(m -> new Actor(Actor.Kind.USER, m.id(), m.username(), m.roles(), Set.of(), null, null));
    }

    private void overdue(WorkforceTerminationStore.Row due, String why) {
        alerts.raise(OVERDUE_RULE, Alerts.Severity.HIGH, "termination:" + due.id(), "Scheduled termination "
                + due.id() + " is past its effective time and was not carried out: " + why);
    }

    private WorkforceTerminationStore.Row row(String id) {
        return store.find(id == null ? "" : id).orElseThrow(() -> new ProblemException(ProblemKind.NOT_FOUND,
                "No termination " + Fields.abbreviated(String.valueOf(id))));
    }

    static void requireSecurityOfficer(Actor actor) {
        if (actor == null || actor.kind() != Actor.Kind.USER || !actor.has(Role.SECURITY_OFFICER)) {
            throw new ProblemException(ProblemKind.FORBIDDEN, "Only a security officer terminates a workforce member "
                    + "(it ends their accounts)");
        }
    }
}
