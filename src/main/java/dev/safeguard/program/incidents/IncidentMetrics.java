package dev.safeguard.program.incidents;

import dev.safeguard.program.BreachClocks;
import dev.safeguard.program.Metric;
import dev.safeguard.program.MetricValue;
import dev.safeguard.program.metrics.MetricSource;
import java.util.List;
import org.springframework.stereotype.Component;

/** Open security incidents and breach notifications past their deadline. */
@Component
class IncidentMetrics implements MetricSource {

    private final BreachClocks incidents;

    IncidentMetrics(BreachClocks incidents) {
        this.incidents = incidents;
    }

    @Override
    public List<MetricValue> read() {
        BreachClocks.Posture posture = incidents.posture();
        return List.of(MetricValue.count(Metric.named(Metric.OPEN_INCIDENTS), posture.open()),
                MetricValue.count(Metric.named(Metric.OVERDUE_BREACH_NOTIFICATIONS), posture.overdue().size()));
    }
}
