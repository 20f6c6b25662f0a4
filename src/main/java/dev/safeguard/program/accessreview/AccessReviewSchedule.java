package dev.safeguard.program.accessreview;

import dev.safeguard.platform.PeriodicJob;
import dev.safeguard.program.AccessReviews;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Opens the campaign of each review cycle as it starts, and alerts overdue campaigns once: every
 * {@code safeguard.program.access-review.check-interval} (default 1 h; the first time {@code first-delay}, default 1 h,
 * after start) it opens the current cycle's campaign unless one was opened in it or one is still open, then sweeps.
 */
@Component
class AccessReviewSchedule extends PeriodicJob {

    private static final Logger log = LoggerFactory.getLogger(AccessReviewSchedule.class);

    private final AccessReviews reviews;

    AccessReviewSchedule(AccessReviews reviews, AccessReviewSettings settings) {
        super("program-access-review", settings.firstDelay(), settings.checkInterval());
        this.reviews = reviews;
    }

    @Override
    protected void runOnce() {
        reviews.openDue().ifPresent(c -> log.info("Access review campaign {} opened for {} with {} items", c.id(),
                c.cycle(), c.items()));
        int overdue = reviews.sweep();
        if (overdue > 0) {
            log.warn("{} access review campaigns are past their due date", overdue);
        }
    }
}
