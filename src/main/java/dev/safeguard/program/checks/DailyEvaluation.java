package dev.safeguard.program.checks;

import dev.safeguard.program.Evaluation;
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
 * Runs every evaluation check on a schedule (default: 5 minutes after start, then every 24 h), so that evidence
 * stays fresh without anyone asking.
 */
@Component
class DailyEvaluation implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DailyEvaluation.class);

    private final Evaluation evaluation;
    private final Duration interval;
    private final Duration firstDelay;
    private ScheduledExecutorService executor;

    DailyEvaluation(Evaluation evaluation, @Value("${safeguard.program.evaluation-interval:24h}") Duration interval,
                    @Value("${safeguard.program.evaluation-first-delay:5m}") Duration firstDelay) {
        if (interval.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("safeguard.program.evaluation-interval must be at least 1 minute; got "
                    + interval);
        }
        this.evaluation = evaluation;
        this.interval = interval;
        this.firstDelay = firstDelay;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "program-evaluation");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::runAll, firstDelay.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void runAll() {
        try {
            long failing = evaluation.runAll().stream().filter(r -> r.result().equals("fail")).count();
            log.info("Evaluation checks ran; {} failing", failing);
        } catch (RuntimeException e) {
            log.error("Evaluation checks could not run: {}", e.getClass().getSimpleName());
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
