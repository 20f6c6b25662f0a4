package dev.safeguard.program.review;

import dev.safeguard.platform.PeriodicJob;
import dev.safeguard.program.ActivityReviews;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Opens the review of each period as it ends: every {@code safeguard.program.activity-review-check-interval}
 * (default 1 h; the first time {@code safeguard.program.activity-review-first-delay}, default 1 h, after start, as a
 * review is due days after its period) it opens the latest ended period's review unless it exists.
 */
@Component
class ActivityReviewSchedule extends PeriodicJob {

    private static final Logger log = LoggerFactory.getLogger(ActivityReviewSchedule.class);

    private final ActivityReviews reviews;

    ActivityReviewSchedule(ActivityReviews reviews,
                           @Value("${safeguard.program.activity-review-check-interval:1h}") Duration interval,
                           @Value("${safeguard.program.activity-review-first-delay:1h}") Duration firstDelay) {
        super("program-activity-review", firstDelay, interval);
        this.reviews = reviews;
    }

    @Override
    protected void runOnce() {
        reviews.openDue().ifPresent(r -> log.info("Activity review {} opened for {} to {}", r.id(), r.periodFrom(),
                r.periodTo()));
    }
}
