package dev.safeguard.platform;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A background job that runs at a fixed delay on its own daemon thread while the application runs: started and
 * stopped with the context, never two runs at once, and a failing run is logged (by exception type only, so no PHI or
 * secret reaches the log) without stopping later runs. Subclasses are beans that implement {@link #runOnce()}.
 */
public abstract class PeriodicJob implements SmartLifecycle {

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String name;
    private final Duration firstDelay;
    private final Duration interval;
    private ScheduledExecutorService executor;

    /**
     * @param name       the thread's name, e.g. {@code program-evaluation}
     * @param firstDelay from start-up to the first run
     * @param interval   between the end of one run and the start of the next; positive
     */
    protected PeriodicJob(String name, Duration firstDelay, Duration interval) {
        if (interval.isNegative() || interval.isZero() || firstDelay.isNegative()) {
            throw new IllegalArgumentException(name + ": the interval must be positive and the first delay not "
                    + "negative; got " + interval + " and " + firstDelay);
        }
        this.name = name;
        this.firstDelay = firstDelay;
        this.interval = interval;
    }

    /** One run of the job. */
    protected abstract void runOnce();

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::safely, firstDelay.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void safely() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            log.error("{} failed: {}", name, e.getClass().getSimpleName());
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
