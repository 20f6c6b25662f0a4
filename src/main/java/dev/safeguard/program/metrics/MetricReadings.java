package dev.safeguard.program.metrics;

import dev.safeguard.access.BreakGlass;
import dev.safeguard.identity.IdentityFacts;
import dev.safeguard.program.ContingencyPlan;
import dev.safeguard.program.Evaluation;
import dev.safeguard.program.LoggingCoverage;
import dev.safeguard.program.Metric;
import dev.safeguard.program.MetricValue;
import dev.safeguard.program.RiskLevel;
import dev.safeguard.program.RiskPosture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Reads every metric from the live system through the other modules' and areas' APIs; nothing is cached, so a
 * reading reflects the state at the time of the call.
 */
@Component
public class MetricReadings {

    private final IdentityFacts identity;
    private final RiskPosture risks;
    private final Evaluation evaluation;
    private final BreakGlass breakGlass;
    private final ControlCoverage controls;
    private final ContingencyPlan contingency;

    MetricReadings(IdentityFacts identity, RiskPosture risks, Evaluation evaluation, BreakGlass breakGlass,
                   ControlCoverage controls, ContingencyPlan contingency) {
        this.identity = identity;
        this.risks = risks;
        this.evaluation = evaluation;
        this.breakGlass = breakGlass;
        this.controls = controls;
        this.contingency = contingency;
    }

    /** Every metric of {@link Metric#all()}, in that order. */
    public List<MetricValue> readAll() {
        Map<String, Metric> metrics = new LinkedHashMap<>();
        Metric.all().forEach(m -> metrics.put(m.id(), m));
        List<MetricValue> values = new ArrayList<>();
        values.add(mfaCoverage(metrics.get(Metric.MFA_COVERAGE)));
        values.add(meanTimeToRevoke(metrics.get(Metric.MEAN_TIME_TO_REVOKE)));
        LoggingCoverage logging = risks.centralLoggingCoverage();
        values.add(MetricValue.percent(Metric.CENTRAL_LOGGING_COVERAGE, title(metrics, Metric.CENTRAL_LOGGING_COVERAGE),
                logging.covered().size(), logging.covered().size() + logging.uncovered().size()));
        Map<RiskLevel, Long> open = risks.openRisksByLevel();
        values.add(MetricValue.count(Metric.OPEN_HIGH_RISKS, title(metrics, Metric.OPEN_HIGH_RISKS),
                open.get(RiskLevel.HIGH)));
        values.add(MetricValue.count(Metric.OPEN_VERY_HIGH_RISKS, title(metrics, Metric.OPEN_VERY_HIGH_RISKS),
                open.get(RiskLevel.VERY_HIGH)));
        values.add(MetricValue.count(Metric.FAILING_CHECKS, title(metrics, Metric.FAILING_CHECKS),
                evaluation.list().stream().filter(c -> c.latest() != null && c.latest().result().equals("fail"))
                        .count()));
        values.add(MetricValue.count(Metric.OVERDUE_BREAK_GLASS_REVIEWS,
                title(metrics, Metric.OVERDUE_BREAK_GLASS_REVIEWS), breakGlass.overdueCount()));
        values.add(MetricValue.count(Metric.OVERDUE_CONTROL_REVIEWS, title(metrics, Metric.OVERDUE_CONTROL_REVIEWS),
                controls.overdueReviews()));
        Map<String, ControlCoverage.Tally> byCategory = controls.byCategory();
        for (String category : Metric.CATEGORIES) {
            String id = Metric.CONTROLS_IMPLEMENTED + category;
            ControlCoverage.Tally tally = byCategory.getOrDefault(category, new ControlCoverage.Tally(0, 0));
            values.add(MetricValue.percent(id, title(metrics, id), tally.implemented(), tally.applicable()));
        }
        values.addAll(contingency(metrics));
        return List.copyOf(values);
    }

    private MetricValue mfaCoverage(Metric metric) {
        List<IdentityFacts.Account> active = identity.accounts().stream().filter(a -> a.status().equals("active"))
                .toList();
        return MetricValue.percent(metric.id(), metric.title(), active.stream().filter(IdentityFacts.Account::mfaEnrolled)
                .count(), active.size());
    }

    /** Over every terminated account that held something to revoke; in hours. */
    private MetricValue meanTimeToRevoke(Metric metric) {
        List<Duration> delays = identity.terminated().stream().map(IdentityFacts.Terminated::revocationDelay)
                .filter(Objects::nonNull).toList();
        Double hours = delays.isEmpty() ? null : Math.round(delays.stream().mapToLong(Duration::toMillis).average()
                .orElseThrow() / 36_000.0) / 100.0;
        return new MetricValue(metric.id(), metric.title(), metric.unit(), hours, null, null);
    }

    /** Backup age, days since the last passed drill and its recovery time; {@code null} when none exists yet. */
    private List<MetricValue> contingency(Map<String, Metric> metrics) {
        ContingencyPlan.Status s = contingency.status();
        Long recovery = s.latestPassedDrill() == null ? null : s.latestPassedDrill().recoveryMillis();
        return List.of(new MetricValue(Metric.BACKUP_AGE, title(metrics, Metric.BACKUP_AGE), Metric.HOURS,
                        s.backupAgeHours(), null, null),
                new MetricValue(Metric.DAYS_SINCE_RESTORE_TEST, title(metrics, Metric.DAYS_SINCE_RESTORE_TEST),
                        Metric.DAYS, s.daysSinceDrill(), null, null),
                new MetricValue(Metric.LAST_RESTORE_TIME, title(metrics, Metric.LAST_RESTORE_TIME), Metric.SECONDS,
                        recovery == null ? null : recovery / 1000.0, null, null));
    }

    private static String title(Map<String, Metric> metrics, String id) {
        return metrics.get(id).title();
    }
}
