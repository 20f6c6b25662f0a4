package dev.safeguard.program.metrics;

import dev.safeguard.program.Metrics;
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
 * Records a snapshot of every metric on a schedule (default: 10 minutes after start, after the first evaluation
 * pass, then every 24 h), so each metric's time series gains a point per day without anyone asking.
 */
@Component
class DailyMetrics implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DailyMetrics.class);

    private final Metrics metrics;
    private final Duration interval;
    private final Duration firstDelay;
    private ScheduledExecutorService executor;

    DailyMetrics(Metrics metrics, @Value("${safeguard.program.metrics-interval:24h}") Duration interval,
                 @Value("${safeguard.program.metrics-first-delay:10m}") Duration firstDelay) {
        if (interval.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("safeguard.program.metrics-interval must be at least 1 minute; got "
                    + interval);
        }
        if (firstDelay.isNegative()) {
            throw new IllegalArgumentException("safeguard.program.metrics-first-delay must not be negative; got "
                    + firstDelay);
        }
        this.metrics = metrics;
        this.interval = interval;
        this.firstDelay = firstDelay;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "program-metrics");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::snapshot, firstDelay.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void snapshot() {
        try {
            log.info("Compliance metrics recorded; {} metrics", metrics.snapshot().size());
        } catch (RuntimeException e) {
            log.error("Compliance metrics could not be recorded: {}", e.getClass().getSimpleName());
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
