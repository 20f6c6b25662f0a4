package dev.safeguard.audit.internal;

import dev.safeguard.audit.AuditEvent;
import dev.safeguard.audit.AuditSettings;
import dev.safeguard.audit.AuditTrail;
import dev.safeguard.audit.AuditUnavailable;
import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import dev.safeguard.crypto.AuditKeys;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one writer of the audit trail on this node. Callers put their event in a bounded queue and wait; a single
 * thread takes whatever has queued up (up to {@code batchSize}), gives the events the next sequence numbers, inserts
 * them in one transaction, and completes every caller after the commit, or fails every caller of the batch if it
 * did not commit. The same thread extends the Merkle tree and signs tree heads every N events, every T seconds, and
 * at shutdown.
 *
 * <p>IMPORTANT: this thread is the only code that assigns sequence numbers; a second writer on the same database
 * (another node) needs the advisory-lock design of DESIGN.md "Scale-out" first.
 */
@Component
public class GroupCommitAppender implements AuditTrail, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GroupCommitAppender.class);
    static final Duration RETRY_AFTER = Duration.ofSeconds(1);
    /** Batches up to this size wake their callers on the appender thread; larger ones on the completer thread. */
    private static final int WAKE_INLINE = 4;

    private record Pending(EventRows.Prepared prepared, CompletableFuture<Long> done) {
    }

    /** Version 7 (time-ordered) UUIDs: new ids land at the end of the unique index instead of on a random page. */
    private static final TimeBasedEpochGenerator EVENT_IDS = Generators.timeBasedEpochGenerator();

    private final AuditStore store;
    private final TreeHeads heads;
    private final AuditKeys keys;
    private final AuditSettings settings;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final BlockingQueue<Pending> queue;
    private final Merkle.Frontier frontier = new Merkle.Frontier();
    /** Held by whoever assigns sequence numbers and writes events: the appender thread or an atomic caller. */
    private final java.util.concurrent.locks.ReentrantLock sequencer = new java.util.concurrent.locks.ReentrantLock();
    private final ThreadLocal<Atomic> current = new ThreadLocal<>();
    private volatile boolean running;
    private Thread worker;
    /**
     * Wakes the callers of a committed batch and tells the listeners, in commit order, so the appender thread can
     * start the next transaction at once instead of spending it on 64 thread wake-ups and the alert rules.
     */
    private java.util.concurrent.ExecutorService completer;
    private long lastSigned;
    private long lastSignedAt;
    private volatile boolean healthy = true;

    private final List<CommittedEventsListener> listeners;

    public GroupCommitAppender(AuditStore store, TreeHeads heads, AuditKeys keys, AuditSettings settings,
                               Clock clock, TransactionTemplate tx,
                               org.springframework.beans.factory.ObjectProvider<CommittedEventsListener> listeners) {
        this.listeners = listeners.orderedStream().toList();
        this.store = store;
        this.heads = heads;
        this.keys = keys;
        this.settings = settings;
        this.clock = clock;
        this.tx = tx;
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
    }

    @Override
    public long append(AuditEvent event) {
        Atomic atomic = current.get();
        if (atomic != null) {
            return atomic.append(event);
        }
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isActualTransactionActive()) {
            // The caller's transaction may hold the database's write lock, which the appender thread needs.
            throw new IllegalStateException("Audit events inside a transaction must be recorded in atomically(...)");
        }
        if (!running) {
            throw new AuditUnavailable("The audit trail is not running", RETRY_AFTER, null);
        }
        Pending pending = new Pending(prepare(event), new CompletableFuture<>());
        if (!queue.offer(pending)) {
            throw new AuditUnavailable("The audit queue is full (" + settings.queueCapacity() + " events waiting)",
                    RETRY_AFTER, null);
        }
        try {
            return pending.done().get(settings.appendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditUnavailable("Interrupted while waiting for the audit commit", RETRY_AFTER, e);
        } catch (TimeoutException e) {
            throw new AuditUnavailable("The audit commit did not finish within " + settings.appendTimeout(),
                    RETRY_AFTER, e);
        } catch (ExecutionException e) {
            throw new AuditUnavailable("The audit store did not commit the event", RETRY_AFTER, e.getCause());
        }
    }

    /**
     * Runs {@code work} in a transaction whose audit events are inserted in it, under the sequencer lock (taken
     * before the transaction, in the same order as the appender thread, so the two never wait on each other).
     */
    @Override
    public <T> T atomically(java.util.function.Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        if (!running) {
            throw new AuditUnavailable("The audit trail is not running", RETRY_AFTER, null);
        }
        sequencer.lock();
        Atomic atomic = new Atomic();
        current.set(atomic);
        try {
            T result;
            try {
                result = tx.execute(status -> work.get());
            } catch (org.springframework.dao.DataAccessException | org.springframework.transaction.TransactionException e) {
                markFailed(e, atomic.rows.size());
                throw new AuditUnavailable("The change and its audit events could not be committed", RETRY_AFTER, e);
            }
            atomic.rows.forEach(row -> frontier.add(row.leafHash()));
            healthy = true;
            List<StoredEvent> rows = List.copyOf(atomic.rows);
            completer.execute(() -> tell(rows));
            return result;
        } finally {
            current.remove();
            sequencer.unlock();
        }
    }

    /** The work done on the caller's thread, before the event has a sequence number. */
    private EventRows.Prepared prepare(AuditEvent event) {
        return EventRows.Prepared.of(event, EVENT_IDS.generate().toString(), clock.millis(), settings.nodeId(), keys);
    }

    /** Events recorded inside one {@link #atomically} call; the sequencer lock is held meanwhile. */
    private final class Atomic {
        private final List<StoredEvent> rows = new ArrayList<>();

        long append(AuditEvent event) {
            StoredEvent row = prepare(event).numbered(frontier.size() + rows.size() + 1);
            store.insert(List.of(row));
            rows.add(row);
            return row.seq();
        }
    }

    /** False while the store is failing; true again after the next successful commit. */
    public boolean healthy() {
        return healthy;
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(settings.batchSize());
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, settings.batchSize() - 1);
                    commit(batch);
                    batch.clear();
                }
                maybeSignTreeHead(false);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                log.atError().setCause(e).log("Audit appender loop error");
            }
        }
    }

    private void commit(List<Pending> batch) {
        sequencer.lock();
        try {
            commitLocked(batch);
        } finally {
            sequencer.unlock();
        }
    }

    private void markFailed(RuntimeException e, int events) {
        if (healthy) {
            // Only the error's kind: drivers' messages can quote the rejected rows' values.
            log.atError().addKeyValue("alert", "audit-write-failure").addKeyValue("events", events)
                    .addKeyValue("error", e.getClass().getSimpleName()).addKeyValue("sqlState", sqlState(e))
                    .log("AUDIT WRITE FAILURE: the audit trail cannot commit; audited requests are refused with 503 "
                            + "until it recovers");
        }
        healthy = false;
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private void commitLocked(List<Pending> batch) {
        long next = frontier.size() + 1;
        List<StoredEvent> rows = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            rows.add(p.prepared().numbered(next++));
        }
        try {
            tx.executeWithoutResult(status -> store.insert(rows));
        } catch (RuntimeException e) {
            markFailed(e, batch.size());
            batch.forEach(p -> p.done().completeExceptionally(e));
            return;
        }
        if (!healthy) {
            log.atWarn().addKeyValue("alert", "audit-write-recovered").log("The audit trail commits again");
        }
        healthy = true;
        rows.forEach(row -> frontier.add(row.leafHash()));
        if (batch.size() <= WAKE_INLINE) {
            // Waking a few callers is cheaper here than handing them to the completer (one more thread hop).
            for (int i = 0; i < rows.size(); i++) {
                batch.get(i).done().complete(rows.get(i).seq());
            }
            completer.execute(() -> tell(rows));
            return;
        }
        List<Pending> committed = List.copyOf(batch);
        completer.execute(() -> {
            for (int i = 0; i < rows.size(); i++) {
                committed.get(i).done().complete(rows.get(i).seq());
            }
            tell(rows);
        });
    }

    private void tell(List<StoredEvent> rows) {
        if (rows.isEmpty()) {
            return;
        }
        for (CommittedEventsListener listener : listeners) {
            try {
                listener.committed(rows);
            } catch (RuntimeException e) {
                log.atError().addKeyValue("listener", listener.getClass().getSimpleName()).setCause(e)
                        .log("An audit listener failed; the events are committed regardless");
            }
        }
    }

    private void maybeSignTreeHead(boolean force) {
        sequencer.lock();
        try {
            signLocked(force);
        } finally {
            sequencer.unlock();
        }
    }

    private void signLocked(boolean force) {
        long size = frontier.size();
        if (size == lastSigned) {
            return;
        }
        long now = clock.millis();
        boolean due = force || size - lastSigned >= settings.treeHeadEvery()
                || now - lastSignedAt >= settings.treeHeadInterval().toMillis();
        if (!due) {
            return;
        }
        try {
            heads.sign(size, frontier.root(), now);
            lastSigned = size;
            lastSignedAt = now;
        } catch (RuntimeException e) {
            log.atError().addKeyValue("alert", "audit-tree-head-failure").setCause(e)
                    .log("Cannot sign or store the audit tree head; will retry");
        }
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        store.eachLeafHash(frontier::add);
        if (frontier.size() != store.maxSeq()) {
            log.atError().addKeyValue("alert", "audit-sequence-gap")
                    .log("The audit trail has gaps in its sequence numbers; run 'audit verify'");
        }
        lastSigned = store.latestTreeHead().map(TreeHead::treeSize).orElse(0L);
        lastSignedAt = clock.millis();
        completer = java.util.concurrent.Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "audit-completer");
            thread.setDaemon(false);
            return thread;
        });
        running = true;
        worker = new Thread(this::run, "audit-appender");
        worker.setDaemon(false);
        worker.start();
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        try {
            worker.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        maybeSignTreeHead(true);
        completer.shutdown();
        try {
            completer.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before the web server takes requests and stops after it has stopped taking them. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }
}
