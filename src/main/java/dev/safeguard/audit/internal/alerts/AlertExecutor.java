package dev.safeguard.audit.internal.alerts;

import dev.safeguard.audit.AlertSettings;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The alerts' own threads: storing and delivering alerts never runs on the audit appender's thread or a request's.
 * Bounded: at most {@code delivery.queue-capacity} tasks (including scheduled retries) wait; {@link #submit} refuses
 * beyond that instead of blocking, and the caller logs the drop. A task's exception is logged, never propagated.
 */
@Component
class AlertExecutor implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AlertExecutor.class);

    private final ScheduledThreadPoolExecutor executor;
    private final Semaphore capacity;

    AlertExecutor(AlertSettings settings) {
        AtomicInteger threads = new AtomicInteger();
        this.executor = new ScheduledThreadPoolExecutor(2, task -> {
            Thread thread = new Thread(task, "audit-alerts-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.executor.setRemoveOnCancelPolicy(true);
        this.capacity = new Semaphore(settings.delivery().queueCapacity());
    }

    /** Runs {@code task} after {@code delayMillis}; false, without running it, if the queue is full or shut down. */
    boolean submit(Runnable task, long delayMillis) {
        if (!capacity.tryAcquire()) {
            return false;
        }
        try {
            executor.schedule(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    log.atError().setCause(e).log("An alert task failed");
                } finally {
                    capacity.release();
                }
            }, delayMillis, TimeUnit.MILLISECONDS);
            return true;
        } catch (RejectedExecutionException e) {
            capacity.release();
            return false;
        }
    }

    /** Lets running deliveries finish for a few seconds; pending retries are dropped. */
    @Override
    public void destroy() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
            executor.shutdownNow();
        }
    }
}
