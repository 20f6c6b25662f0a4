package dev.safeguard.audit.internal;

import dev.safeguard.audit.AuditForensics.TouchedPatients;
import dev.safeguard.crypto.AuditKeys;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Read-only SQL for {@link dev.safeguard.audit.AuditForensics}: the patient pseudonyms of one agent's FHIR events in a
 * window, found through {@code audit_lookup} (and the few events the indexer has not reached yet, scanned in the same
 * statement, as {@link AuditSearch} does).
 */
@Component
public class ForensicQueries {

    /** Whose events: a user's own (not through a client they own), or a service client's. */
    public enum Agent { USER, CLIENT }

    private final JdbcClient jdbc;
    private final AuditKeys keys;

    ForensicQueries(JdbcClient jdbc, AuditKeys keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    public TouchedPatients touched(Agent agent, String id, long fromMillis, long toMillis, String lookupKey,
                                   Instant from, Instant to) {
        String column = agent == Agent.USER ? "agent_user" : "agent_client";
        // FHIR events are the rest events whose subtype starts with "fhir " (see FhirInteractions.describe); a user's
        // own events carry no client id.
        String sql = "SELECT patient_pseudonym, outcome, COUNT(*) FROM audit_events WHERE seq IN (SELECT seq FROM "
                + "audit_lookup WHERE lookup_key = ? UNION ALL SELECT seq FROM audit_events WHERE seq > (SELECT "
                + "indexed_through FROM audit_lookup_progress WHERE id = 1) AND " + column + " = ?) "
                + "AND recorded_at >= ? AND recorded_at < ? AND patient_pseudonym IS NOT NULL AND type = 'rest' "
                + "AND subtype LIKE 'fhir %'" + (agent == Agent.USER ? " AND agent_client IS NULL" : "")
                + " GROUP BY patient_pseudonym, outcome";
        Map<String, Boolean> released = new HashMap<>();
        long[] events = {0};
        jdbc.sql(sql).params(lookupKey, id, fromMillis, toMillis).query(rs -> {
            String pseudonym = rs.getString(1);
            boolean success = "SUCCESS".equals(rs.getString(2));
            released.merge(pseudonym, success, Boolean::logicalOr);
            events[0] += rs.getLong(3);
        });
        Set<String> accessed = new HashSet<>();
        Set<String> refused = new HashSet<>();
        released.forEach((pseudonym, success) -> (success ? accessed : refused).add(pseudonym));
        return new TouchedPatients(lookupKey, from, to, accessed, refused, events[0]);
    }

    /** IMPORTANT: the same purpose and reference form as {@link EventRows}, or no pseudonym would ever match. */
    public String patientPseudonym(String patientReference) {
        return keys.pseudonym(EventRows.PATIENT, patientReference);
    }
}
