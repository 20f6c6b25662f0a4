package dev.safeguard.program.review;

import dev.safeguard.program.ActivityReviews;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Opens the review of each period as it ends: every {@code safeguard.program.activity-review-check-interval}
 * (default 1 h; the first time {@code safeguard.program.activity-review-first-delay}, default 1 h, after start, as a
 * review is due days after its period) it opens the latest ended period's review unless it exists.
 */
@Component
class ActivityReviewSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ActivityReviewSchedule.class);

    private final ActivityReviews reviews;
    private final Duration interval;
    private final Duration firstDelay;
    private ScheduledExecutorService executor;

    ActivityReviewSchedule(ActivityReviews reviews,
                           @Value("${safeguard.program.activity-review-check-interval:1h}") Duration interval,
                           @Value("${safeguard.program.activity-review-first-delay:1h}") Duration firstDelay) {
        if (interval.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("safeguard.program.activity-review-check-interval must be at least "
                    + "1 minute; got " + interval);
        }
        this.reviews = reviews;
        this.interval = interval;
        this.firstDelay = firstDelay;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "program-activity-review");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::openDue, firstDelay.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void openDue() {
        try {
            reviews.openDue().ifPresent(r -> log.info("Activity review {} opened for {} to {}", r.id(),
                    r.periodFrom(), r.periodTo()));
        } catch (RuntimeException e) {
            log.error("Activity review could not be opened: {}", e.getClass().getSimpleName());
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
