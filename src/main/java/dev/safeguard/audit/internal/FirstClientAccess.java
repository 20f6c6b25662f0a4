package dev.safeguard.audit.internal;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Read-only SQL over {@code audit_events}: a service client's first successful FHIR interaction that touched a
 * patient's data. The client's events are found through {@code audit_lookup} (key {@code c:<clientId>}) up to
 * {@code indexed_through} and by scanning the few newer events, in one statement (one snapshot), as
 * {@link AuditSearch} does.
 */
@Component
public class FirstClientAccess {

    private final JdbcClient jdbc;

    FirstClientAccess(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The recorded time (epoch ms) of the client's first such event, by sequence number. */
    public Optional<Long> firstPatientDataAccess(String clientId) {
        return jdbc.sql("SELECT recorded_at FROM audit_events WHERE seq IN (SELECT seq FROM audit_lookup "
                        + "WHERE lookup_key = ? UNION ALL SELECT seq FROM audit_events WHERE seq > (SELECT "
                        + "indexed_through FROM audit_lookup_progress WHERE id = 1) AND agent_client = ?) "
                        + "AND agent_client = ? AND type = 'rest' AND outcome = 'SUCCESS' AND subtype LIKE 'fhir %' "
                        + "AND patient_pseudonym IS NOT NULL ORDER BY seq LIMIT 1")
                .params("c:" + clientId, clientId, clientId)
                .query(Long.class).optional();
    }
}
