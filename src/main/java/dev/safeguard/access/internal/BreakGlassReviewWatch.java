package dev.safeguard.access.internal;

import dev.safeguard.access.AccessSettings;
import dev.safeguard.access.BreakGlass;
import dev.safeguard.platform.PeriodicJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Looks for break-glass grants past their review deadline at a fixed interval and alerts each one once. */
@Component
class BreakGlassReviewWatch extends PeriodicJob {

    private static final Logger log = LoggerFactory.getLogger(BreakGlassReviewWatch.class);

    private final BreakGlass breakGlass;

    BreakGlassReviewWatch(BreakGlass breakGlass, AccessSettings settings) {
        super("break-glass-review-watch", settings.overdueCheck(), settings.overdueCheck());
        this.breakGlass = breakGlass;
    }

    @Override
    protected void runOnce() {
        int overdue = breakGlass.alertOverdue();
        if (overdue > 0) {
            log.warn("{} break-glass grants are past their review deadline", overdue);
        }
    }
}
