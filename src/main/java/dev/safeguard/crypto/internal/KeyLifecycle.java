package dev.safeguard.crypto.internal;

import dev.safeguard.crypto.KeyManagement;
import dev.safeguard.crypto.KeyStatus;
import dev.safeguard.crypto.spi.MasterKey;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * KEK rotation and the rewrap that follows it. The rewrap moves data keys one by one (compare-and-set on their KEK
 * version, so readers and writers keep working and a second runner does no harm) and is resumable: whatever is still
 * under an older version after a crash is picked up by the next run, at start-up and every minute.
 */
@Component
class KeyLifecycle implements KeyManagement {

    private static final Logger log = LoggerFactory.getLogger(KeyLifecycle.class);
    private static final int PAGE = 500;

    private record Pending(String ref, int version, int kekVersion) {
    }

    private final KekRing keks;
    private final DataKeys dataKeys;
    private final MasterKey master;
    private final JdbcClient jdbc;
    /** One rewrap at a time on this node; an explicit call waits for a background run and then runs itself. */
    private final ReentrantLock running = new ReentrantLock();

    KeyLifecycle(KekRing keks, DataKeys dataKeys, MasterKey master, JdbcClient jdbc) {
        this.keks = keks;
        this.dataKeys = dataKeys;
        this.master = master;
        this.jdbc = jdbc;
    }

    @Override
    public int rotateKek() {
        int version = keks.rotate();
        log.atInfo().addKeyValue("kekVersion", version).log("KEK rotated; rewrapping data keys in the background");
        Runnable start = () -> {
            Thread rewrapper = new Thread(this::rewrapQuietly, "kek-rewrap");
            rewrapper.setDaemon(true);
            rewrapper.start();
        };
        // Inside a caller's transaction the new version exists for others only once it commits.
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            start.run();
                        }
                    });
        } else {
            start.run();
        }
        return version;
    }

    @Scheduled(fixedDelayString = "${safeguard.crypto.rewrap-interval:PT1M}", initialDelayString = "PT5S")
    void rewrapQuietly() {
        try {
            rewrap();
        } catch (RuntimeException e) {
            log.atError().addKeyValue("error", e.getClass().getSimpleName()).setCause(e)
                    .log("The rewrap of data keys stopped; it resumes at the next run");
        }
    }

    @Override
    public long rewrap() {
        running.lock();
        try {
            long moved = 0;
            while (true) {
                int active = keks.activeVersion();
                List<Pending> page = jdbc.sql("SELECT compartment_ref, version, kek_version FROM crypto_data_keys "
                                + "WHERE kek_version < ? ORDER BY compartment_ref, version LIMIT ?")
                        .params(active, PAGE)
                        .query((rs, n) -> new Pending(rs.getString(1), rs.getInt(2), rs.getInt(3))).list();
                if (page.isEmpty()) {
                    if (moved > 0) {
                        log.atInfo().addKeyValue("dataKeys", moved).addKeyValue("kekVersion", active)
                                .log("Rewrap finished");
                    }
                    return moved;
                }
                for (Pending p : page) {
                    if (dataKeys.rewrap(p.ref(), p.version(), p.kekVersion())) {
                        moved++;
                    }
                }
            }
        } finally {
            running.unlock();
        }
    }

    @Override
    public void setMinimumKekVersion(int minimum) {
        keks.destroyBelow(minimum);
    }

    @Override
    public KeyStatus status() {
        long dataKeyCount = jdbc.sql("SELECT COUNT(*) FROM crypto_data_keys").query(Long.class).single();
        int active = keks.activeVersion();
        long toRewrap = jdbc.sql("SELECT COUNT(*) FROM crypto_data_keys WHERE kek_version < ?").param(active)
                .query(Long.class).single();
        long shredded = jdbc.sql("SELECT COUNT(*) FROM crypto_shredded").query(Long.class).single();
        return new KeyStatus(master.provider(), master.location(), active, keks.versions(), dataKeyCount, toRewrap,
                running.isLocked(), shredded);
    }
}
