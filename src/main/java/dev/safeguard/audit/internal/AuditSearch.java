package dev.safeguard.audit.internal;

import dev.safeguard.audit.AuditQuery;
import dev.safeguard.audit.AuditRecord;
import dev.safeguard.crypto.AuditKeys;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Parameterized SQL over {@code audit_events} for searches and exports. */
@Component
public class AuditSearch {

    private final JdbcTemplate jdbc;
    private final AuditKeys keys;

    public AuditSearch(JdbcTemplate jdbc, AuditKeys keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    public AuditQuery.Page page(AuditQuery q) {
        List<Object> params = new ArrayList<>();
        String where = where(q, params);
        params.add(q.size() + 1);
        params.add((long) q.page() * q.size());
        List<AuditRecord> rows = jdbc.query("SELECT " + AuditStore.COLUMNS + " FROM audit_events" + where
                + " ORDER BY seq DESC LIMIT ? OFFSET ?", (rs, n) -> record(AuditStore.row(rs)), params.toArray());
        boolean more = rows.size() > q.size();
        return new AuditQuery.Page(more ? rows.subList(0, q.size()) : rows, q.page(), q.size(), more);
    }

    /** Every matching event in sequence order, at most {@code limit}. */
    public void each(AuditQuery q, int limit, Consumer<StoredEvent> consumer) {
        List<Object> params = new ArrayList<>();
        String where = where(q, params);
        params.add(limit);
        jdbc.query("SELECT " + AuditStore.COLUMNS + " FROM audit_events" + where + " ORDER BY seq LIMIT ?",
                rs -> {
                    consumer.accept(AuditStore.row(rs));
                }, params.toArray());
    }

    private String where(AuditQuery q, List<Object> params) {
        StringBuilder sql = new StringBuilder(" WHERE 1 = 1");
        add(sql, params, "recorded_at >= ?", q.from() == null ? null : q.from().toEpochMilli());
        add(sql, params, "recorded_at <= ?", q.to() == null ? null : q.to().toEpochMilli());
        lookup(sql, params, "u:", "agent_user", q.user());
        lookup(sql, params, "c:", "agent_client", q.client());
        lookup(sql, params, "p:", "patient_pseudonym",
                q.patient() == null ? null : keys.pseudonym(EventRows.PATIENT, q.patient()));
        add(sql, params, "action = ?", q.action());
        add(sql, params, "outcome = ?", q.outcome());
        add(sql, params, "type = ?", q.type());
        add(sql, params, "entity_type = ?", q.entityType());
        return sql.toString();
    }

    /**
     * Events whose {@code column} equals {@code value}: the indexed ones through {@code audit_lookup}, the newer ones
     * (after {@code indexed_through}, see {@link AuditLookupIndexer}) by scanning them; one statement, one snapshot.
     */
    private static void lookup(StringBuilder sql, List<Object> params, String prefix, String column, String value) {
        if (value != null) {
            sql.append(" AND seq IN (SELECT seq FROM audit_lookup WHERE lookup_key = ? UNION ALL SELECT seq FROM "
                    + "audit_events WHERE seq > (SELECT indexed_through FROM audit_lookup_progress WHERE id = 1) AND ")
                    .append(column).append(" = ?)");
            params.add(prefix + value);
            params.add(value);
        }
    }

    private static void add(StringBuilder sql, List<Object> params, String condition, Object value) {
        if (value != null) {
            sql.append(" AND ").append(condition);
            params.add(value);
        }
    }

    public static AuditRecord record(StoredEvent e) {
        return new AuditRecord(e.seq(), e.eventId(), Instant.ofEpochMilli(e.recordedAt()), e.type(), e.subtype(),
                e.action(), e.outcome(), e.status(), e.agentUser(), e.agentClient(), e.agentRoles(), e.agentSession(),
                e.agentAddress(), e.agentUserAgent(), e.purpose(), e.entityType(), e.entityId(), e.entityVersion(),
                e.patientPseudonym(), e.queryPseudonym(), e.resultCount(), e.requestId(), e.nodeId(), e.reason(),
                HexFormat.of().formatHex(e.leafHash()));
    }
}
