package dev.safeguard.audit.internal;

import dev.safeguard.audit.LastActivity;
import dev.safeguard.audit.LastActivity.CareRelationship;
import dev.safeguard.crypto.AuditKeys;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The SQL behind {@link LastActivity}. Per key, the newest matching event is found by walking the key's
 * {@code audit_lookup} rows backwards from the newest (an index seek on {@code (lookup_key, seq)}), joined to the event
 * for the outcome and client filters; the events after {@code indexed_through} are scanned in the same statement, so a
 * concurrent run of {@link AuditLookupIndexer} can neither hide nor double an event.
 *
 * <p>Cost: a seek per key, plus the events walked past that do not count (failures, and for a user the events of
 * the clients they own since their own last event).
 */
@Component
public class LastActivityQueries {

    private static final String TAIL = "e.seq > (SELECT indexed_through FROM audit_lookup_progress WHERE id = 1)";
    private static final String OWN_SUCCESS = "e.agent_client IS NULL AND e.outcome = 'SUCCESS'";

    private final JdbcTemplate jdbc;
    private final AuditKeys keys;

    LastActivityQueries(JdbcTemplate jdbc, AuditKeys keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    public Map<String, Instant> users(Collection<String> userIds) {
        return byKey(userIds, "u:", "agent_user", OWN_SUCCESS);
    }

    public Map<String, Instant> clients(Collection<String> clientIds) {
        return byKey(clientIds, "c:", "agent_client", "e.outcome = 'SUCCESS'");
    }

    public Map<CareRelationship, Instant> careRelationships(Collection<CareRelationship> relationships) {
        Map<CareRelationship, Instant> found = new HashMap<>();
        List<CareRelationship> all = List.copyOf(new LinkedHashSet<>(relationships));
        for (int from = 0; from < all.size(); from += LastActivity.CHUNK) {
            List<CareRelationship> chunk = all.subList(from, Math.min(all.size(), from + LastActivity.CHUNK));
            Map<String, CareRelationship> byPair = new HashMap<>();
            StringBuilder sql = new StringBuilder("SELECT u, p, MAX(t) FROM (");
            List<Object> params = new ArrayList<>();
            for (CareRelationship r : chunk) {
                // IMPORTANT: the same pseudonym as EventRows gives the patient reference "Patient/<id>".
                String pseudonym = keys.pseudonym(EventRows.PATIENT, "Patient/" + r.patientId());
                byPair.put(r.userId() + " " + pseudonym, r);
                sql.append(params.isEmpty() ? "" : " UNION ALL ").append("SELECT ? AS u, ? AS p, (SELECT "
                        + "e.recorded_at FROM audit_lookup l JOIN audit_events e ON e.seq = l.seq WHERE l.lookup_key "
                        + "= ? AND e.agent_user = ? AND " + OWN_SUCCESS + " ORDER BY l.seq DESC LIMIT 1) AS t");
                params.addAll(List.of(r.userId(), pseudonym, "p:" + pseudonym, r.userId()));
            }
            sql.append(" UNION ALL SELECT e.agent_user, e.patient_pseudonym, MAX(e.recorded_at) FROM audit_events e "
                    + "WHERE " + TAIL + " AND e.patient_pseudonym IS NOT NULL AND " + OWN_SUCCESS
                    + " AND e.agent_user IN (").append(placeholders(chunk.size())).append(") GROUP BY e.agent_user, "
                    + "e.patient_pseudonym) z GROUP BY u, p");
            chunk.forEach(r -> params.add(r.userId()));
            jdbc.query(sql.toString(), rs -> {
                long at = rs.getLong(3);
                boolean none = rs.wasNull();
                CareRelationship r = byPair.get(rs.getString(1) + " " + rs.getString(2));
                if (!none && r != null) {
                    found.put(r, Instant.ofEpochMilli(at));
                }
            }, params.toArray());
        }
        return found;
    }

    private Map<String, Instant> byKey(Collection<String> ids, String prefix, String column, String filter) {
        Map<String, Instant> found = new LinkedHashMap<>();
        List<String> all = List.copyOf(new LinkedHashSet<>(ids));
        for (int from = 0; from < all.size(); from += LastActivity.CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + LastActivity.CHUNK));
            StringBuilder sql = new StringBuilder("SELECT k, MAX(t) FROM (");
            List<Object> params = new ArrayList<>();
            for (String id : chunk) {
                sql.append(params.isEmpty() ? "" : " UNION ALL ").append("SELECT ? AS k, (SELECT e.recorded_at "
                        + "FROM audit_lookup l JOIN audit_events e ON e.seq = l.seq WHERE l.lookup_key = ? AND "
                        + filter + " ORDER BY l.seq DESC LIMIT 1) AS t");
                params.addAll(List.of(id, prefix + id));
            }
            sql.append(" UNION ALL SELECT e.").append(column).append(", MAX(e.recorded_at) FROM audit_events e WHERE ")
                    .append(TAIL).append(" AND ").append(filter).append(" AND e.").append(column).append(" IN (")
                    .append(placeholders(chunk.size())).append(") GROUP BY e.").append(column)
                    .append(") z GROUP BY k");
            params.addAll(chunk);
            jdbc.query(sql.toString(), rs -> {
                long at = rs.getLong(2);
                if (!rs.wasNull()) {
                    found.put(rs.getString(1), Instant.ofEpochMilli(at));
                }
            }, params.toArray());
        }
        return found;
    }

    private static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }
}
