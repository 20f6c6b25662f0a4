package dev.safeguard.program.policies;

import dev.safeguard.program.Metric;
import dev.safeguard.program.MetricValue;
import dev.safeguard.program.Policies;
import dev.safeguard.program.Policy;
import dev.safeguard.program.PolicyAcknowledgments;
import dev.safeguard.program.PolicyCoverage;
import dev.safeguard.program.metrics.MetricSource;
import java.util.List;
import org.springframework.stereotype.Component;

/** Policies past their review date, and the required acknowledgments the active workforce has given. */
@Component
class PolicyMetrics implements MetricSource {

    private final Policies policies;
    private final PolicyAcknowledgments acknowledgments;

    PolicyMetrics(Policies policies, PolicyAcknowledgments acknowledgments) {
        this.policies = policies;
        this.acknowledgments = acknowledgments;
    }

    @Override
    public List<MetricValue> read() {
        List<PolicyCoverage> coverage = acknowledgments.coverage();
        return List.of(MetricValue.count(Metric.named(Metric.OVERDUE_POLICY_REVIEWS),
                        policies.all().stream().filter(Policy::reviewOverdue).count()),
                MetricValue.percent(Metric.named(Metric.POLICY_ACKNOWLEDGMENT_COVERAGE),
                        coverage.stream().mapToLong(PolicyCoverage::acknowledged).sum(),
                        coverage.stream().mapToLong(PolicyCoverage::required).sum()));
    }
}
