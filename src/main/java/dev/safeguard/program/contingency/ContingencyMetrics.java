package dev.safeguard.program.contingency;

import dev.safeguard.program.ContingencyPlan;
import dev.safeguard.program.Metric;
import dev.safeguard.program.MetricValue;
import dev.safeguard.program.metrics.MetricSource;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Age of the latest verified backup, days since the last passed restore drill and its measured recovery time; each
 * unmeasured until the first backup or drill exists.
 */
@Component
class ContingencyMetrics implements MetricSource {

    private final ContingencyPlan contingency;

    ContingencyMetrics(ContingencyPlan contingency) {
        this.contingency = contingency;
    }

    @Override
    public List<MetricValue> read() {
        ContingencyPlan.Status s = contingency.status();
        Long recovery = s.latestPassedDrill() == null ? null : s.latestPassedDrill().recoveryMillis();
        return List.of(measured(Metric.named(Metric.BACKUP_AGE), s.backupAgeHours()),
                measured(Metric.named(Metric.DAYS_SINCE_RESTORE_TEST), s.daysSinceDrill()),
                measured(Metric.named(Metric.LAST_RESTORE_TIME), recovery == null ? null : recovery / 1000.0));
    }

    private static MetricValue measured(Metric metric, Double value) {
        return new MetricValue(metric.id(), metric.title(), metric.unit(), value, null, null);
    }
}
