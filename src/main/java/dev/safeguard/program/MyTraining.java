package dev.safeguard.program;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.identity.Workforce;
import dev.safeguard.program.internal.ProgramEvents;
import dev.safeguard.program.training.TrainingAssignmentStore;
import dev.safeguard.program.training.TrainingModuleStore;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import dev.safeguard.shared.SecurityEvent.Action;
import dev.safeguard.shared.SecurityEvent.Outcome;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * A signed-in user's own training (self-service, {@code /api/me/training} and {@code /me/training}): the assignments
 * of the workforce member who holds their account, reading a module, attesting and completing it, and the security
 * reminders they have not read.
 *
 * <p>Guarantees: a user sees and completes only their own member's assignments (anyone else's answers 404, as if it
 * did not exist); a completion needs the attestation and names the exact module version read — if the module changed
 * after the user opened it, the completion is refused (409) until they read the new text. A completion is final and
 * commits with its audit event. Service clients have no training.
 */
@Service
public class MyTraining {

    /**
     * What the user's training page shows.
     *
     * @param memberId         the member who holds the account, or {@code null} when the account is on no roster
     * @param securityOfficial the display name of the security official to report to, or {@code null}
     */
    public record Overview(String memberId, String memberName, String securityOfficial,
                           List<TrainingAssignment> assignments, List<SecurityReminder> reminders) {

        public Overview {
            assignments = List.copyOf(assignments);
            reminders = List.copyOf(reminders);
        }

        public List<TrainingAssignment> pending() {
            return assignments.stream().filter(TrainingAssignment::pending).toList();
        }

        public List<TrainingAssignment> done() {
            return assignments.stream().filter(a -> !a.pending()).toList();
        }

        public long overdue() {
            return assignments.stream().filter(a -> a.status().equals(TrainingAssignment.OVERDUE)).count();
        }
    }

    /** One of the user's assignments with the module text to read (the version completed, or the current one). */
    public record Assignment(TrainingAssignment assignment, TrainingModule.Text module) {
    }

    private final WorkforceRoster roster;
    private final TrainingAssignments assignments;
    private final TrainingModules modules;
    private final SecurityReminders reminders;
    private final TrainingAssignmentStore store;
    private final Workforce workforce;
    private final ProgramEvents events;
    private final Clock clock;

    MyTraining(WorkforceRoster roster, TrainingAssignments assignments, TrainingModules modules,
               SecurityReminders reminders, TrainingAssignmentStore store, Workforce workforce, ProgramEvents events,
               Clock clock) {
        this.roster = roster;
        this.assignments = assignments;
        this.modules = modules;
        this.reminders = reminders;
        this.store = store;
        this.workforce = workforce;
        this.events = events;
        this.clock = clock;
    }

    public Overview overview(Actor actor) {
        requireUser(actor);
        Optional<WorkforceMember> member = roster.memberOf(actor.id());
        String official = workforce.securityOfficial().filter(Workforce.Member::active)
                .map(Workforce.Member::displayName).orElse(null);
        return new Overview(member.map(WorkforceMember::id).orElse(null), member.map(WorkforceMember::name)
                .orElse(null), official, member.map(m -> assignments.ofMember(m.id())).orElse(List.of()),
                reminders.unread(actor.id()));
    }

    public Assignment assignment(Actor actor, String id) {
        TrainingAssignmentStore.Row row = own(actor, id);
        String version = row.completedVersion() != null ? row.completedVersion()
                : modules.row(row.moduleId()).currentVersion();
        return new Assignment(assignments.view(row), modules.text(row.moduleId(), version));
    }

    /**
     * Completes one of the user's assignments.
     *
     * @param attested the user ticked the module's acknowledgment statement
     * @param version  the module version the user read (as {@link #assignment} gave it)
     */
    public TrainingAssignment complete(Actor actor, String id, boolean attested, String version,
                                       RequestOrigin origin) {
        TrainingAssignmentStore.Row row = own(actor, id);
        TrainingModuleStore.Row module = modules.row(row.moduleId());
        if (!row.open()) {
            throw new ProblemException(ProblemKind.CONFLICT, "This assignment of " + module.title() + " is "
                    + (row.completedAt() != null ? "completed already" : "cancelled") + "; a completion is final");
        }
        if (!attested) {
            throw new ProblemException(ProblemKind.VALIDATION, "Tick the statement to attest that you have read and "
                    + "understood " + module.title());
        }
        if (version == null || version.isBlank()) {
            throw new ProblemException(ProblemKind.VALIDATION, "Give the version of the module you read");
        }
        if (!version.strip().equals(module.currentVersion())) {
            throw new ProblemException(ProblemKind.CONFLICT, module.title() + " was changed after you opened it; "
                    + "read the current text and attest again");
        }
        return events.atomically(() -> {
            if (!store.complete(row.id(), clock.millis(), module.currentVersion(), actor.id())) {
                throw new ProblemException(ProblemKind.CONFLICT, "This assignment is completed already");
            }
            events.record(TrainingModules.EVENT_TYPE, "complete", Action.U, Outcome.SUCCESS,
                    ProgramEvents.agent(actor, origin), "TrainingAssignment", row.id(), module.currentVersion(), null);
            return assignments.view(store.find(row.id()).orElseThrow());
        });
    }

    /** Marks a security reminder read for the signed-in user. */
    public void markRead(Actor actor, String reminderId, RequestOrigin origin) {
        requireUser(actor);
        reminders.markRead(actor, reminderId, origin);
    }

    private TrainingAssignmentStore.Row own(Actor actor, String id) {
        requireUser(actor);
        ProblemException notYours = new ProblemException(ProblemKind.NOT_FOUND, "No training assignment "
                + Fields.abbreviated(String.valueOf(id)) + " of yours");
        WorkforceMember member = roster.memberOf(actor.id()).orElseThrow(() -> notYours);
        return store.find(id == null ? "" : id).filter(r -> r.memberId().equals(member.id()))
                .orElseThrow(() -> notYours);
    }

    private static void requireUser(Actor actor) {
        if (actor == null || actor.kind() != Actor.Kind.USER) {
            throw new ProblemException(ProblemKind.FORBIDDEN, "Training is for signed-in workforce members; service "
                    + "clients have none");
        }
    }
}
