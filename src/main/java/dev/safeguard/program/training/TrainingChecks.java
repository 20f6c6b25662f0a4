package dev.safeguard.program.training;

import dev.safeguard.identity.IdentityFacts;
import dev.safeguard.program.CheckOutcome;
import dev.safeguard.program.EvaluationCheck;
import dev.safeguard.program.SecurityReminders;
import dev.safeguard.program.TrainingAssignment;
import dev.safeguard.program.TrainingAssignments;
import dev.safeguard.program.TrainingModules;
import dev.safeguard.program.WorkforceMember;
import dev.safeguard.program.WorkforceSettings;
import dev.safeguard.program.checks.CheckSource;
import dev.safeguard.program.workforce.WorkforceMemberStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Checks of security awareness and training (164.308(a)(5)): nothing overdue, every active member with an account
 * trained at hire, and a security reminder published recently.
 */
@Component
class TrainingChecks implements CheckSource {

    private final TrainingAssignments assignments;
    private final TrainingAssignmentStore store;
    private final TrainingModuleStore modules;
    private final WorkforceMemberStore members;
    private final SecurityReminders reminders;
    private final IdentityFacts identity;
    private final WorkforceSettings settings;
    private final Clock clock;

    TrainingChecks(TrainingAssignments assignments, TrainingAssignmentStore store, TrainingModuleStore modules,
                   WorkforceMemberStore members, SecurityReminders reminders, IdentityFacts identity,
                   WorkforceSettings settings, Clock clock) {
        this.assignments = assignments;
        this.store = store;
        this.modules = modules;
        this.members = members;
        this.reminders = reminders;
        this.identity = identity;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public List<EvaluationCheck> checks() {
        return List.of(
                new EvaluationCheck("program.training-overdue", "No security training assignment is overdue",
                        TrainingModules.TRAINING_CONTROLS, this::overdue),
                new EvaluationCheck("program.training-at-hire", "Every active member with an account completed the "
                        + "at-hire training", TrainingModules.TRAINING_CONTROLS, this::atHire),
                new EvaluationCheck("program.security-reminders", "A security reminder was published within the "
                        + "reminder interval", List.of("164.308(a)(5)(ii)(A)"), this::reminders));
    }

    private CheckOutcome overdue() {
        List<TrainingAssignment> overdue = assignments.overdue();
        return CheckOutcome.of(overdue.isEmpty(), "No training assignment is overdue", overdue.size()
                + " training assignments are past their due date", Map.of("overdue", overdue.stream()
                .map(TrainingAssignment::id).toList(), "members", overdue.stream().map(TrainingAssignment::memberId)
                .distinct().toList()));
    }

    /**
     * An at-hire module counts as done with any completion of it. A member still inside the at-hire window (an open
     * assignment not yet due) is in progress, not failing; one with no assignment or an overdue one fails.
     */
    private CheckOutcome atHire() {
        List<TrainingModuleStore.Row> required = modules.list().stream().filter(m -> m.active() && m.atHire()).toList();
        Set<String> active = identity.accounts().stream().filter(a -> a.status().equals("active"))
                .map(IdentityFacts.Account::id).collect(Collectors.toSet());
        long now = clock.millis();
        List<String> missing = new ArrayList<>();
        List<String> inProgress = new ArrayList<>();
        int considered = 0;
        for (WorkforceMemberStore.Row m : members.withStatus(WorkforceMember.ACTIVE)) {
            if (members.links(m.id()).stream().noneMatch(l -> active.contains(l.userId()))) {
                continue;
            }
            considered++;
            List<TrainingAssignmentStore.Row> history = store.ofMember(m.id());
            boolean failing = false;
            boolean pending = false;
            for (TrainingModuleStore.Row module : required) {
                List<TrainingAssignmentStore.Row> mine = history.stream().filter(a -> a.moduleId().equals(module.id()))
                        .toList();
                if (mine.stream().anyMatch(a -> a.completedAt() != null)) {
                    continue;
                }
                boolean waiting = mine.stream().anyMatch(a -> a.open() && a.dueAt() > now);
                pending |= waiting;
                failing |= !waiting;
            }
            if (failing) {
                missing.add(m.id());
            } else if (pending) {
                inProgress.add(m.id());
            }
        }
        return CheckOutcome.of(missing.isEmpty(), considered + " active members with an account completed the "
                        + required.size() + " at-hire modules or are within their at-hire window ("
                        + inProgress.size() + " in progress)", missing.size() + " of " + considered + " active members "
                        + "with an account have not completed the at-hire training in time",
                Map.of("members", considered, "notTrained", missing, "inProgress", inProgress,
                        "atHireModules", required.stream().map(TrainingModuleStore.Row::id).toList()));
    }

    private CheckOutcome reminders() {
        Instant last = reminders.latestPublishedAt().orElse(null);
        Duration limit = settings.reminderInterval();
        if (last == null) {
            return CheckOutcome.fail("No security reminder has been published", Map.of("lastPublished", "never",
                    "limitDays", limit.toDays()));
        }
        Duration age = Duration.between(last, clock.instant());
        return CheckOutcome.of(age.compareTo(limit) <= 0, "The last security reminder was published " + age.toDays()
                        + " days ago", "The last security reminder was published " + age.toDays() + " days ago (at "
                        + "most " + limit.toDays() + ")", Map.of("lastPublished", last.toString(), "ageDays",
                        age.toDays(), "limitDays", limit.toDays()));
    }
}
