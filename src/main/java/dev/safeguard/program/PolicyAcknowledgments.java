package dev.safeguard.program;

import dev.safeguard.identity.AccountDates;
import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.program.internal.ProgramEvents;
import dev.safeguard.program.internal.ProgramRoles;
import dev.safeguard.program.policies.AcknowledgmentStore;
import dev.safeguard.program.policies.PolicyStore;
import dev.safeguard.program.policies.PolicyVersionStore;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import dev.safeguard.shared.SecurityEvent.Action;
import dev.safeguard.shared.SecurityEvent.Outcome;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Workforce acknowledgments of the policies in force (164.316(b)(2)(ii), availability to those responsible): every
 * signed-in user reads the effective versions that ask for acknowledgment and acknowledges each; a new effective
 * version needs a new acknowledgment. Officers see coverage per policy and record it as evidence.
 *
 * <p>Guarantees: a user acknowledges only for themselves, only the version in force (409 for a superseded one), once
 * (a repeat changes nothing); the acknowledgment keeps the SHA-256 of the text read and commits with its audit event.
 * Coverage counts active accounts only; a member is overdue after the later of the version's effective date and their
 * account's creation plus the acknowledgment period ({@code safeguard.program.policies.acknowledgment-due}).
 */
@Service
public class PolicyAcknowledgments {

    private final PolicyStore policies;
    private final AcknowledgmentStore acknowledgments;
    private final PolicyViews views;
    private final PolicyEvidence evidence;
    private final AccountDates accounts;
    private final PolicySettings settings;
    private final ProgramEvents events;
    private final Clock clock;

    PolicyAcknowledgments(PolicyStore policies, AcknowledgmentStore acknowledgments, PolicyViews views,
                          PolicyEvidence evidence, AccountDates accounts, PolicySettings settings,
                          ProgramEvents events, Clock clock) {
        this.policies = policies;
        this.acknowledgments = acknowledgments;
        this.views = views;
        this.evidence = evidence;
        this.accounts = accounts;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /** The policies in force that ask the caller to acknowledge them: not yet acknowledged first, then by title. */
    public List<MyPolicy> mine(Actor actor) {
        requirePerson(actor);
        Instant created = accounts.activeAccountsCreatedAt().get(actor.id());
        List<MyPolicy> mine = new ArrayList<>();
        for (PolicyStore.Row policy : policies.list()) {
            if (policy.acknowledgmentRequired()) {
                views.effective(policy.id()).ifPresent(v -> mine.add(view(policy, v, actor.id(), created)));
            }
        }
        mine.sort((a, b) -> a.acknowledged() == b.acknowledged() ? a.title().compareToIgnoreCase(b.title())
                : a.acknowledged() ? 1 : -1);
        return List.copyOf(mine);
    }

    /** One policy in force that asks the caller to acknowledge it, with its text. */
    public MyPolicy mine(Actor actor, String policyId) {
        requirePerson(actor);
        PolicyStore.Row policy = views.policyRow(policyId);
        PolicyVersionStore.Row effective = asked(policy);
        return view(policy, effective, actor.id(), accounts.activeAccountsCreatedAt().get(actor.id()));
    }

    /**
     * The caller acknowledges that they read and understood {@code version}, which must be the one in force.
     * Acknowledging it again returns the first acknowledgment.
     */
    public MyPolicy acknowledge(Actor actor, String policyId, Integer version, RequestOrigin origin) {
        requirePerson(actor);
        PolicyStore.Row policy = views.policyRow(policyId);
        PolicyVersionStore.Row effective = asked(policy);
        if (version == null) {
            throw new ProblemException(ProblemKind.VALIDATION, "Give the version you read (version "
                    + effective.version() + " is in force)");
        }
        if (version != effective.version()) {
            throw new ProblemException(ProblemKind.CONFLICT, "Version " + version + " is not the version in force; "
                    + "read version " + effective.version() + " and acknowledge it");
        }
        long now = clock.millis();
        events.atomically(() -> {
            if (acknowledgments.insert(new AcknowledgmentStore.Row(policy.id(), effective.version(), actor.id(), now,
                    effective.contentSha256()))) {
                events.record(Policies.EVENT_TYPE, "acknowledge", Action.C, Outcome.SUCCESS,
                        ProgramEvents.agent(actor, origin), "Policy", policy.id(),
                        Integer.toString(effective.version()), null);
            }
            return null;
        });
        return view(policy, effective, actor.id(), accounts.activeAccountsCreatedAt().get(actor.id()));
    }

    /** Coverage of every policy in force that asks for acknowledgment. */
    public List<PolicyCoverage> coverage(Actor actor) {
        ProgramRoles.requireReader(actor);
        return coverage();
    }

    /** Coverage of every policy in force that asks for acknowledgment; for the checks and metrics. */
    public List<PolicyCoverage> coverage() {
        Map<String, Instant> active = accounts.activeAccountsCreatedAt();
        List<PolicyCoverage> all = new ArrayList<>();
        for (PolicyStore.Row policy : policies.list()) {
            if (policy.acknowledgmentRequired()) {
                views.effective(policy.id()).ifPresent(v -> all.add(views.coverage(policy, v, active)));
            }
        }
        return List.copyOf(all);
    }

    /** The acknowledgments of one version (default: the one in force), oldest first. */
    public List<PolicyAcknowledgment> of(Actor actor, String policyId, Integer version) {
        ProgramRoles.requireReader(actor);
        PolicyStore.Row policy = views.policyRow(policyId);
        int v = version != null ? views.versionRow(policy, version).version() : views.effective(policy.id())
                .map(PolicyVersionStore.Row::version).orElseThrow(() -> new ProblemException(ProblemKind.NOT_FOUND,
                        "Policy " + policy.id() + " has no version in force; name the version"));
        return acknowledgments.of(policy.id(), v).stream().map(r -> new PolicyAcknowledgment(r.policyId(),
                r.version(), r.userId(), Instant.ofEpochMilli(r.acknowledgedAt()), r.contentSha256())).toList();
    }

    /**
     * Whether every policy that asks for acknowledgment meets the threshold or has nobody overdue: the rule of the
     * evaluation check and of the coverage report.
     */
    public boolean met(List<PolicyCoverage> coverage) {
        return coverage.stream().allMatch(c -> meets(c, settings.acknowledgmentThreshold()));
    }

    /** One policy meets the rule: at least {@code thresholdPercent} acknowledged, or nobody overdue. */
    static boolean meets(PolicyCoverage coverage, int thresholdPercent) {
        return coverage.percent() >= thresholdPercent || coverage.overdue().isEmpty();
    }

    /** Records the coverage now as signed evidence (an export for 164.316(a) and (b)(2)(ii)). */
    public EvidenceRecord report(Actor actor, RequestOrigin origin) {
        ProgramRoles.requireWriter(actor);
        List<PolicyCoverage> coverage = coverage();
        return evidence.coverageReport(actor, coverage, settings.acknowledgmentThreshold(), met(coverage), origin);
    }

    private PolicyVersionStore.Row asked(PolicyStore.Row policy) {
        Optional<PolicyVersionStore.Row> effective = views.effective(policy.id());
        if (!policy.acknowledgmentRequired() || effective.isEmpty()) {
            throw new ProblemException(ProblemKind.NOT_FOUND, "No policy in force asks you to acknowledge policy "
                    + policy.id());
        }
        return effective.get();
    }

    private MyPolicy view(PolicyStore.Row policy, PolicyVersionStore.Row v, String userId, Instant accountCreated) {
        Instant due = views.due(v, accountCreated);
        Instant acknowledged = acknowledgments.find(policy.id(), v.version(), userId)
                .map(a -> Instant.ofEpochMilli(a.acknowledgedAt())).orElse(null);
        return new MyPolicy(policy.id(), policy.title(), v.version(), Instant.ofEpochMilli(v.effectiveAt()),
                LocalDate.ofInstant(due, ZoneOffset.UTC), acknowledged != null, acknowledged, acknowledged == null
                && clock.instant().isAfter(due), v.contentSha256(), v.markdown());
    }

    private static void requirePerson(Actor actor) {
        if (actor == null || actor.kind() != Actor.Kind.USER) {
            throw new ProblemException(ProblemKind.FORBIDDEN, "Policies are acknowledged by workforce members, "
                    + "signed in as themselves; service clients have none");
        }
    }
}
