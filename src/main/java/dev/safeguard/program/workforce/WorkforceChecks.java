package dev.safeguard.program.workforce;

import dev.safeguard.identity.IdentityFacts;
import dev.safeguard.identity.Workforce;
import dev.safeguard.program.CheckOutcome;
import dev.safeguard.program.EvaluationCheck;
import dev.safeguard.program.Termination;
import dev.safeguard.program.Terminations;
import dev.safeguard.program.WorkforceMember;
import dev.safeguard.program.WorkforceRecords;
import dev.safeguard.program.WorkforceRoster;
import dev.safeguard.program.checks.CheckSource;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Checks of workforce security (164.308(a)(3)) read from the roster, the terminations and the identity module's live
 * state: terminated members' accounts revoked within the hour, no active account outside the roster, and every active
 * member with an account cleared.
 */
@Component
class WorkforceChecks implements CheckSource {

    private final Terminations terminations;
    private final WorkforceRoster roster;
    private final WorkforceRecords records;
    private final IdentityFacts identity;
    private final WorkforceMemberStore members;
    private final Clock clock;

    WorkforceChecks(Terminations terminations, WorkforceRoster roster, WorkforceRecords records,
                    IdentityFacts identity, WorkforceMemberStore members, Clock clock) {
        this.terminations = terminations;
        this.roster = roster;
        this.records = records;
        this.identity = identity;
        this.members = members;
        this.clock = clock;
    }

    @Override
    public List<EvaluationCheck> checks() {
        return List.of(
                new EvaluationCheck("program.termination-revocation", "Every terminated member's accounts were "
                        + "revoked within 1 h of the effective time", List.of("164.308(a)(3)(ii)(C)"),
                        this::revocation),
                new EvaluationCheck("program.workforce-accounts", "Every active account belongs to a workforce "
                        + "member", List.of("164.308(a)(3)(ii)(A)", "164.308(a)(4)(ii)(B)"), this::orphans),
                new EvaluationCheck("program.workforce-clearance", "Every active member with an account has a "
                        + "clearance record", List.of("164.308(a)(3)(ii)(B)"), this::clearance));
    }

    private CheckOutcome revocation() {
        List<Termination> executed = terminations.executed();
        Set<String> stillHolding = identity.terminated().stream().filter(t -> t.liveSessions() > 0
                || t.usableApiKeys() > 0).map(IdentityFacts.Terminated::id).collect(Collectors.toSet());
        Set<String> active = identity.accounts().stream().filter(a -> !a.status().equals("terminated"))
                .map(IdentityFacts.Account::id).collect(Collectors.toSet());
        List<String> late = new ArrayList<>();
        List<String> holding = new ArrayList<>();
        for (Termination t : executed) {
            if (Boolean.FALSE.equals(t.withinTarget())) {
                late.add(t.id());
            }
            for (WorkforceMemberStore.Link link : members.links(t.memberId())) {
                if (stillHolding.contains(link.userId()) || active.contains(link.userId())) {
                    holding.add(t.id());
                }
            }
        }
        Instant now = clock.instant();
        List<String> overdue = terminations.scheduled().stream().filter(t -> t.effectiveAt().plus(Termination.TARGET)
                .isBefore(now)).map(Termination::id).toList();
        long slowest = executed.stream().filter(t -> t.latencySeconds() != null)
                .mapToLong(Termination::latencySeconds).max().orElse(0);
        Map<String, Object> observed = new LinkedHashMap<>();
        observed.put("executed", executed.size());
        observed.put("revokedLate", late);
        observed.put("accountsStillUsable", holding.stream().distinct().toList());
        observed.put("scheduledPastDue", overdue);
        observed.put("slowestRevocationSeconds", slowest);
        boolean ok = late.isEmpty() && holding.isEmpty() && overdue.isEmpty();
        return CheckOutcome.of(ok, executed.size() + " terminations revoked everything within 1 h; the slowest took "
                        + slowest + " s", late.size() + " terminations were revoked later than 1 h after their "
                        + "effective time, " + holding.stream().distinct().count() + " left an account usable and "
                        + overdue.size() + " scheduled ones are past due", observed);
    }

    private CheckOutcome orphans() {
        List<String> orphans = roster.orphanAccounts().stream().map(Workforce.Member::id).toList();
        return CheckOutcome.of(orphans.isEmpty(), "Every active account belongs to a member on the workforce roster",
                orphans.size() + " active accounts belong to no workforce member; link each to the person who holds "
                        + "it, or terminate it", Map.of("orphanAccounts", orphans));
    }

    private CheckOutcome clearance() {
        Set<String> cleared = Set.copyOf(records.clearedMembers());
        Set<String> activeAccounts = identity.accounts().stream().filter(a -> a.status().equals("active"))
                .map(IdentityFacts.Account::id).collect(Collectors.toSet());
        List<String> missing = new ArrayList<>();
        int considered = 0;
        for (WorkforceMemberStore.Row m : members.withStatus(WorkforceMember.ACTIVE)) {
            if (members.links(m.id()).stream().noneMatch(l -> activeAccounts.contains(l.userId()))) {
                continue;
            }
            considered++;
            if (!cleared.contains(m.id())) {
                missing.add(m.id());
            }
        }
        return CheckOutcome.of(missing.isEmpty(), "All " + considered + " active members with an account have a "
                        + "clearance record", missing.size() + " of " + considered + " active members with an account "
                        + "have no clearance record that cleared them", Map.of("members", considered,
                        "withoutClearance", missing));
    }
}
