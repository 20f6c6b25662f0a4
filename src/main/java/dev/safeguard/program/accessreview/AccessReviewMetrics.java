package dev.safeguard.program.accessreview;

import dev.safeguard.program.AccessReviews;
import dev.safeguard.program.Metric;
import dev.safeguard.program.MetricValue;
import dev.safeguard.program.metrics.MetricSource;
import java.util.List;
import org.springframework.stereotype.Component;

/** Access-review items past their due date, and the share decided in the newest campaign (none before the first). */
@Component
class AccessReviewMetrics implements MetricSource {

    private final AccessReviews reviews;

    AccessReviewMetrics(AccessReviews reviews) {
        this.reviews = reviews;
    }

    @Override
    public List<MetricValue> read() {
        Metric decided = Metric.named(Metric.ACCESS_REVIEW_DECIDED);
        return List.of(MetricValue.count(Metric.named(Metric.ACCESS_REVIEW_OVERDUE_ITEMS), reviews.overdueItems()),
                reviews.latest().map(c -> MetricValue.percent(decided, c.decided(), c.items()))
                        .orElseGet(() -> MetricValue.unmeasured(decided)));
    }
}
