package dev.safeguard.program.training;

import dev.safeguard.program.Metric;
import dev.safeguard.program.MetricValue;
import dev.safeguard.program.TrainingAssignments;
import dev.safeguard.program.metrics.MetricSource;
import java.util.List;
import org.springframework.stereotype.Component;

/** Workforce completing security training on schedule, and training assignments overdue. */
@Component
class TrainingMetrics implements MetricSource {

    private final TrainingAssignments training;

    TrainingMetrics(TrainingAssignments training) {
        this.training = training;
    }

    @Override
    public List<MetricValue> read() {
        TrainingAssignments.Tally onSchedule = training.onSchedule();
        return List.of(MetricValue.percent(Metric.named(Metric.TRAINING_ON_SCHEDULE), onSchedule.part(),
                        onSchedule.total()),
                MetricValue.count(Metric.named(Metric.TRAINING_OVERDUE), training.overdue().size()));
    }
}
