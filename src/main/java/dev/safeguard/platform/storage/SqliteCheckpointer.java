package dev.safeguard.platform.storage;

import dev.safeguard.platform.StorageSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Copies SQLite's write-ahead log into the database file in the background. SQLite's automatic checkpoint (off, see
 * {@link StorageConfiguration}) runs inside whichever commit crosses 1,000 pages, which made the audit trail's
 * appender stall every few commits; a passive checkpoint never blocks writers or readers, and once it has copied
 * every frame the next writer starts the log from its beginning again, so the log does not grow without bound.
 */
@Component
class SqliteCheckpointer {

    private static final Logger log = LoggerFactory.getLogger(SqliteCheckpointer.class);
    /** Warn when this many frames (4 KiB pages) stay in the log after a checkpoint. */
    private static final long BACKLOG_WARNING = 100_000;

    private final StorageSettings settings;
    private final JdbcTemplate jdbc;
    private boolean warned;

    SqliteCheckpointer(StorageSettings settings, JdbcTemplate jdbc) {
        this.settings = settings;
        this.jdbc = jdbc;
    }

    @Scheduled(fixedDelayString = "${safeguard.sqlite-checkpoint-interval:PT1S}", initialDelayString = "PT1S")
    void checkpoint() {
        if (settings.postgres()) {
            return;
        }
        try {
            // Columns: busy (0/1), frames in the log, frames checkpointed.
            long[] result = jdbc.query("PRAGMA wal_checkpoint(PASSIVE)", rs -> {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
            });
            long backlog = result == null ? 0 : result[1] - result[2];
            if (backlog > BACKLOG_WARNING && !warned) {
                log.atWarn().addKeyValue("frames", backlog)
                        .log("The SQLite write-ahead log is not being checkpointed (long-running readers?)");
            }
            warned = backlog > BACKLOG_WARNING;
        } catch (RuntimeException e) {
            log.atWarn().addKeyValue("error", e.getClass().getSimpleName()).log("SQLite checkpoint failed; will retry");
        }
    }
}
