package dev.safeguard.access.internal;

import dev.safeguard.access.AccessSettings;
import dev.safeguard.access.BreakGlass;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** Looks for break-glass grants past their review deadline at a fixed interval and alerts each one once. */
@Component
class BreakGlassReviewWatch implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BreakGlassReviewWatch.class);

    private final BreakGlass breakGlass;
    private final AccessSettings settings;
    private ScheduledExecutorService executor;

    BreakGlassReviewWatch(BreakGlass breakGlass, AccessSettings settings) {
        this.breakGlass = breakGlass;
        this.settings = settings;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "break-glass-review-watch");
            t.setDaemon(true);
            return t;
        });
        long every = settings.overdueCheck().toMillis();
        executor.scheduleWithFixedDelay(this::check, every, every, TimeUnit.MILLISECONDS);
    }

    private void check() {
        try {
            int overdue = breakGlass.alertOverdue();
            if (overdue > 0) {
                log.warn("{} break-glass grants are past their review deadline", overdue);
            }
        } catch (RuntimeException e) {
            log.error("Could not check break-glass reviews: {}", e.getClass().getSimpleName());
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
