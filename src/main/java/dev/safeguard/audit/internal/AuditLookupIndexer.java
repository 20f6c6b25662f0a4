package dev.safeguard.audit.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps {@code audit_lookup} (events by patient pseudonym, user and service client) up to date, off the commit path.
 *
 * <p>Those keys are random, so a B-tree index on them in {@code audit_events} made every group commit write one index
 * page per event (on SQLite in WAL mode, whole 4 KiB pages: about 100 pages per commit of 64 events). Here the keys of
 * many commits are inserted at once, sorted, so each index page is written once per batch. Queries stay complete
 * without waiting for the indexer: {@link AuditSearch} reads the lookup rows up to {@code indexed_through} and scans
 * the few newer events directly, in one statement (one snapshot).
 *
 * <p>Each batch and its progress commit together, and the progress only moves from the value the batch started at,
 * so a crash or a second node repeats nothing and skips nothing.
 */
@Component
public class AuditLookupIndexer {

    private static final Logger log = LoggerFactory.getLogger(AuditLookupIndexer.class);
    static final int BATCH = 20_000;

    private record Entry(String key, long seq) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate tx;

    public AuditLookupIndexer(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.template = template;
        this.tx = tx;
    }

    @Scheduled(fixedDelayString = "${safeguard.audit.lookup-interval:PT1S}",
            initialDelayString = "${safeguard.audit.lookup-interval:PT1S}")
    void scheduled() {
        try {
            catchUp();
        } catch (RuntimeException e) {
            // Queries stay complete (they scan what is not indexed yet); only their speed suffers.
            log.atWarn().addKeyValue("error", e.getClass().getSimpleName())
                    .log("The audit lookup indexer could not index new events; will retry");
        }
    }

    /** Indexes every committed event not indexed yet; returns how many events it indexed. */
    public long catchUp() {
        long total = 0;
        int indexed;
        do {
            indexed = indexNextBatch();
            total += indexed;
        } while (indexed == BATCH);
        return total;
    }

    /** The highest seq whose lookup rows are all present. */
    public long indexedThrough() {
        return jdbc.sql("SELECT indexed_through FROM audit_lookup_progress WHERE id = 1").query(Long.class).single();
    }

    private int indexNextBatch() {
        long from = indexedThrough();
        List<Entry> entries = new ArrayList<>();
        long[] last = {from};
        int[] events = {0};
        jdbc.sql("SELECT seq, patient_pseudonym, agent_user, agent_client FROM audit_events WHERE seq > ? "
                        + "ORDER BY seq LIMIT ?")
                .params(from, BATCH)
                .query(rs -> {
                    long seq = rs.getLong(1);
                    add(entries, "p:", rs.getString(2), seq);
                    add(entries, "u:", rs.getString(3), seq);
                    add(entries, "c:", rs.getString(4), seq);
                    last[0] = seq;
                    events[0]++;
                });
        if (events[0] == 0) {
            return 0;
        }
        entries.sort(Comparator.comparing(Entry::key).thenComparingLong(Entry::seq));
        tx.executeWithoutResult(status -> {
            int moved = jdbc.sql("UPDATE audit_lookup_progress SET indexed_through = ? WHERE id = 1 "
                    + "AND indexed_through = ?").params(last[0], from).update();
            if (moved == 1) {
                template.batchUpdate("INSERT INTO audit_lookup (lookup_key, seq) VALUES (?, ?) ON CONFLICT DO NOTHING",
                        entries, entries.size(), (ps, e) -> {
                            ps.setString(1, e.key());
                            ps.setLong(2, e.seq());
                        });
            }
        });
        return events[0];
    }

    private static void add(List<Entry> entries, String prefix, String value, long seq) {
        if (value != null) {
            entries.add(new Entry(prefix + value, seq));
        }
    }
}
