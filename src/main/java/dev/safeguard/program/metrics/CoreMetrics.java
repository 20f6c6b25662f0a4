package dev.safeguard.program.metrics;

import dev.safeguard.access.BreakGlass;
import dev.safeguard.identity.IdentityFacts;
import dev.safeguard.program.Evaluation;
import dev.safeguard.program.LoggingCoverage;
import dev.safeguard.program.Metric;
import dev.safeguard.program.MetricValue;
import dev.safeguard.program.RiskLevel;
import dev.safeguard.program.RiskPosture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * The metrics of program part 1: MFA coverage, mean time to revoke after termination, centralized-logging coverage,
 * open high and very-high risks, failing checks, overdue break-glass and control reviews, controls implemented per
 * safeguard category.
 */
@Component
class CoreMetrics implements MetricSource {

    private final IdentityFacts identity;
    private final RiskPosture risks;
    private final Evaluation evaluation;
    private final BreakGlass breakGlass;
    private final ControlCoverage controls;

    CoreMetrics(IdentityFacts identity, RiskPosture risks, Evaluation evaluation, BreakGlass breakGlass,
                ControlCoverage controls) {
        this.identity = identity;
        this.risks = risks;
        this.evaluation = evaluation;
        this.breakGlass = breakGlass;
        this.controls = controls;
    }

    @Override
    public List<MetricValue> read() {
        List<MetricValue> values = new ArrayList<>();
        values.add(mfaCoverage());
        values.add(meanTimeToRevoke());
        LoggingCoverage logging = risks.centralLoggingCoverage();
        values.add(MetricValue.percent(Metric.named(Metric.CENTRAL_LOGGING_COVERAGE), logging.covered().size(),
                logging.covered().size() + logging.uncovered().size()));
        Map<RiskLevel, Long> open = risks.openRisksByLevel();
        values.add(MetricValue.count(Metric.named(Metric.OPEN_HIGH_RISKS), open.get(RiskLevel.HIGH)));
        values.add(MetricValue.count(Metric.named(Metric.OPEN_VERY_HIGH_RISKS), open.get(RiskLevel.VERY_HIGH)));
        values.add(MetricValue.count(Metric.named(Metric.FAILING_CHECKS), evaluation.list().stream()
                .filter(c -> c.latest() != null && c.latest().result().equals("fail")).count()));
        values.add(MetricValue.count(Metric.named(Metric.OVERDUE_BREAK_GLASS_REVIEWS), breakGlass.overdueCount()));
        values.add(MetricValue.count(Metric.named(Metric.OVERDUE_CONTROL_REVIEWS), controls.overdueReviews()));
        Map<String, ControlCoverage.Tally> byCategory = controls.byCategory();
        for (String category : Metric.CATEGORIES) {
            ControlCoverage.Tally tally = byCategory.getOrDefault(category, new ControlCoverage.Tally(0, 0));
            values.add(MetricValue.percent(Metric.named(Metric.CONTROLS_IMPLEMENTED + category), tally.implemented(),
                    tally.applicable()));
        }
        return values;
    }

    private MetricValue mfaCoverage() {
        List<IdentityFacts.Account> active = identity.accounts().stream().filter(a -> a.status().equals("active"))
                .toList();
        return MetricValue.percent(Metric.named(Metric.MFA_COVERAGE), active.stream()
                .filter(IdentityFacts.Account::mfaEnrolled).count(), active.size());
    }

    /** Over every terminated account that held something to revoke; in hours. */
    private MetricValue meanTimeToRevoke() {
        Metric metric = Metric.named(Metric.MEAN_TIME_TO_REVOKE);
        List<Duration> delays = identity.terminated().stream().map(IdentityFacts.Terminated::revocationDelay)
                .filter(Objects::nonNull).toList();
        if (delays.isEmpty()) {
            return MetricValue.unmeasured(metric);
        }
        double hours = Math.round(delays.stream().mapToLong(Duration::toMillis).average().orElseThrow() / 36_000.0)
                / 100.0;
        return new MetricValue(metric.id(), metric.title(), metric.unit(), hours, null, null);
    }
}
