package dev.safeguard.program;

import dev.safeguard.identity.AccountDates;
import dev.safeguard.program.policies.AcknowledgmentStore;
import dev.safeguard.program.policies.PolicyReviewStore;
import dev.safeguard.program.policies.PolicyStore;
import dev.safeguard.program.policies.PolicyVersionStore;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What the policy services share: reading rows (404 when missing), turning them into views with what derives from the
 * clock (next review date, overdue, deletable, acknowledgment coverage), and the retention rule.
 */
@Component
class PolicyViews {

    /** 164.316(b)(2)(i): six years from creation or from the date a version last was effective. */
    static final int RETENTION_YEARS = 6;

    private final PolicyStore policies;
    private final PolicyVersionStore versions;
    private final PolicyReviewStore reviews;
    private final AcknowledgmentStore acknowledgments;
    private final AccountDates accounts;
    private final PolicySettings settings;
    private final Clock clock;

    PolicyViews(PolicyStore policies, PolicyVersionStore versions, PolicyReviewStore reviews,
                AcknowledgmentStore acknowledgments, AccountDates accounts, PolicySettings settings, Clock clock) {
        this.policies = policies;
        this.versions = versions;
        this.reviews = reviews;
        this.acknowledgments = acknowledgments;
        this.accounts = accounts;
        this.settings = settings;
        this.clock = clock;
    }

    /** The later of creation and the end of the last effective period, plus six calendar years (UTC). */
    static long retainUntil(long createdAt, Long stoppedBeingEffectiveAt) {
        long from = stoppedBeingEffectiveAt == null ? createdAt : Math.max(createdAt, stoppedBeingEffectiveAt);
        return Instant.ofEpochMilli(from).atZone(ZoneOffset.UTC).plusYears(RETENTION_YEARS).toInstant().toEpochMilli();
    }

    /** The later of the effective time and the last review, as a UTC date, plus the cadence. */
    static LocalDate nextReviewOn(long effectiveAt, Long reviewedAt, int months) {
        long base = reviewedAt == null ? effectiveAt : Math.max(effectiveAt, reviewedAt);
        return LocalDate.ofInstant(Instant.ofEpochMilli(base), ZoneOffset.UTC).plusMonths(months);
    }

    /** Overdue once the review date has passed: on the date itself it is still on time. */
    static boolean reviewOverdue(LocalDate nextReviewOn, LocalDate today) {
        return nextReviewOn != null && today.isAfter(nextReviewOn);
    }

    /** When a member must have acknowledged: the later of the effective time and the account's creation, plus the period. */
    static Instant due(long effectiveAt, Instant accountCreated, java.time.Duration period) {
        Instant from = Instant.ofEpochMilli(effectiveAt);
        if (accountCreated != null && accountCreated.isAfter(from)) {
            from = accountCreated;
        }
        return from.plus(period);
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    PolicyStore.Row policyRow(String id) {
        return (id == null ? Optional.<PolicyStore.Row>empty() : policies.find(id.strip())).orElseThrow(() ->
                new ProblemException(ProblemKind.NOT_FOUND, "No policy " + Fields.abbreviated(String.valueOf(id))));
    }

    PolicyVersionStore.Row versionRow(PolicyStore.Row policy, int version) {
        return versions.find(policy.id(), version).orElseThrow(() -> new ProblemException(ProblemKind.NOT_FOUND,
                "Policy " + policy.id() + " has no version " + version));
    }

    Optional<PolicyVersionStore.Row> effective(String policyId) {
        return versions.list(policyId).stream().filter(v -> v.state().equals(PolicyVersion.EFFECTIVE)).findFirst();
    }

    Optional<PolicyVersionStore.Row> pending(String policyId) {
        return versions.list(policyId).stream().filter(v -> v.state().equals(PolicyVersion.DRAFT)
                || v.state().equals(PolicyVersion.APPROVED)).findFirst();
    }

    Policy policy(PolicyStore.Row p) {
        return policy(p, accounts.activeAccountsCreatedAt());
    }

    /** Views of many policies, reading the active accounts once. */
    List<Policy> policies(List<PolicyStore.Row> rows) {
        Map<String, Instant> active = accounts.activeAccountsCreatedAt();
        return rows.stream().map(p -> policy(p, active)).toList();
    }

    private Policy policy(PolicyStore.Row p, Map<String, Instant> active) {
        List<PolicyVersionStore.Row> all = versions.list(p.id());
        PolicyVersionStore.Row effective = all.stream().filter(v -> v.state().equals(PolicyVersion.EFFECTIVE))
                .findFirst().orElse(null);
        PolicyVersionStore.Row pending = all.stream().filter(v -> v.state().equals(PolicyVersion.DRAFT)
                || v.state().equals(PolicyVersion.APPROVED)).findFirst().orElse(null);
        Long reviewed = reviews.latest(p.id()).orElse(null);
        LocalDate next = effective == null ? null : nextReviewOn(effective.effectiveAt(), reviewed, p.reviewMonths());
        PolicyCoverage coverage = effective != null && p.acknowledgmentRequired() ? coverage(p, effective, active)
                : null;
        return new Policy(p.id(), p.topic(), p.title(), p.ownerId(), p.citations(), p.reviewMonths(),
                p.acknowledgmentRequired(), Instant.ofEpochMilli(p.createdAt()), p.createdBy(),
                Instant.ofEpochMilli(p.updatedAt()), p.updatedBy(), effective == null ? null : effective.version(),
                effective == null ? null : Instant.ofEpochMilli(effective.effectiveAt()),
                pending == null ? null : pending.version(), pending == null ? null : pending.state(),
                reviewed == null ? null : Instant.ofEpochMilli(reviewed), next, reviewOverdue(next, today()),
                coverage);
    }

    PolicyVersion version(PolicyVersionStore.Row v) {
        return new PolicyVersion(v.policyId(), v.version(), v.state(), v.markdown(), v.contentSha256(),
                v.changeSummary(), Instant.ofEpochMilli(v.createdAt()), v.createdBy(),
                Instant.ofEpochMilli(v.editedAt()), v.editedBy(), instant(v.approvedAt()), v.approvedBy(),
                v.approvalNote(), v.approvalEvidence(), v.effectiveOn() == null ? null : LocalDate.parse(v.effectiveOn()),
                v.state().equals(PolicyVersion.APPROVED) && v.effectiveOn() != null, v.effectiveBy(),
                v.effectiveEvidence(), instant(v.effectiveAt()), instant(v.supersededAt()), v.supersededByVersion(),
                instant(v.retainUntil()), v.retainUntil() != null && clock.millis() >= v.retainUntil());
    }

    PolicyDetail detail(PolicyStore.Row p) {
        return new PolicyDetail(policy(p), versions.list(p.id()).stream().map(this::version).toList(),
                reviews.of(p.id()).stream().map(PolicyViews::review).toList());
    }

    static PolicyReview review(PolicyReviewStore.Row r) {
        return new PolicyReview(r.id(), r.policyId(), r.version(), Instant.ofEpochMilli(r.reviewedAt()),
                r.reviewedBy(), r.outcome(), r.notes(), r.evidenceId());
    }

    /**
     * Coverage of an effective version over the active accounts: who acknowledged it, who still may, and who is
     * past the later of its effective date and their account's creation plus the acknowledgment period.
     */
    PolicyCoverage coverage(PolicyStore.Row p, PolicyVersionStore.Row effective, Map<String, Instant> active) {
        Set<String> acknowledged = acknowledgments.of(p.id(), effective.version()).stream()
                .map(AcknowledgmentStore.Row::userId).collect(Collectors.toSet());
        List<String> pending = new ArrayList<>();
        List<String> overdue = new ArrayList<>();
        long count = 0;
        Instant now = clock.instant();
        for (Map.Entry<String, Instant> user : active.entrySet()) {
            if (acknowledged.contains(user.getKey())) {
                count++;
            } else if (now.isAfter(due(effective, user.getValue()))) {
                overdue.add(user.getKey());
            } else {
                pending.add(user.getKey());
            }
        }
        double percent = active.isEmpty() ? 100.0 : Math.round(10_000.0 * count / active.size()) / 100.0;
        return new PolicyCoverage(p.id(), effective.version(), count, active.size(), percent, pending, overdue);
    }

    /** When a user must have acknowledged an effective version. */
    Instant due(PolicyVersionStore.Row effective, Instant accountCreated) {
        return due(effective.effectiveAt(), accountCreated, settings.acknowledgmentDue());
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
