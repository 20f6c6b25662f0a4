package dev.safeguard.program.metrics;

import dev.safeguard.platform.PeriodicJob;
import dev.safeguard.program.Metrics;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Records every compliance metric once a day (default: 10 minutes after start, then every 24 h), so the dashboard's
 * trends grow without anyone asking; a later snapshot on the same UTC day replaces that day's point.
 */
@Component
class DailyMetrics extends PeriodicJob {

    private static final Logger log = LoggerFactory.getLogger(DailyMetrics.class);

    private final Metrics metrics;

    DailyMetrics(Metrics metrics, @Value("${safeguard.program.metrics-interval:24h}") Duration interval,
                 @Value("${safeguard.program.metrics-first-delay:10m}") Duration firstDelay) {
        super("program-metrics", firstDelay, interval);
        if (interval.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("safeguard.program.metrics-interval must be at least 1 minute; got "
                    + interval);
        }
        this.metrics = metrics;
    }

    @Override
    protected void runOnce() {
        log.info("Compliance metrics recorded; {} metrics", metrics.snapshot().size());
    }
}
