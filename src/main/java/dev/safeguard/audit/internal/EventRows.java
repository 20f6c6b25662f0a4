package dev.safeguard.audit.internal;

import dev.safeguard.audit.AuditEvent;
import dev.safeguard.crypto.AuditKeys;

/**
 * Turns a caller's {@link AuditEvent} into the row to store: pseudonyms instead of patient references, Patient
 * resource ids and queries.
 */
final class EventRows {

    static final String PATIENT = "patient";
    static final String QUERY = "query";

    private EventRows() {
    }

    /**
     * A row prepared on the producer's thread (pseudonyms, id, time, canonical bytes), waiting for its sequence
     * number: the appender thread only numbers and hashes it.
     */
    record Prepared(StoredEvent row, byte[] afterSeq) {

        static Prepared of(AuditEvent e, String eventId, long now, String nodeId, AuditKeys keys) {
            StoredEvent row = toRow(e, 0, eventId, now, nodeId, keys);
            return new Prepared(row, CanonicalEncoding.afterSeq(row));
        }

        StoredEvent numbered(long seq) {
            StoredEvent r = row;
            return new StoredEvent(seq, r.eventId(), r.recordedAt(), r.type(), r.subtype(), r.action(), r.outcome(),
                    r.status(), r.agentUser(), r.agentClient(), r.agentRoles(), r.agentSession(), r.agentAddress(),
                    r.agentUserAgent(), r.purpose(), r.entityType(), r.entityId(), r.entityVersion(),
                    r.patientPseudonym(), r.queryPseudonym(), r.resultCount(), r.requestId(), r.nodeId(), r.reason(),
                    CanonicalEncoding.leafHash(seq, afterSeq));
        }
    }

    static StoredEvent toRow(AuditEvent e, long seq, String eventId, long now, String nodeId, AuditKeys keys) {
        var agent = e.agent();
        // A Patient's own id names the patient: it is stored like every patient reference, as a pseudonym.
        boolean patientEntity = "Patient".equals(e.entityType()) && e.entityId() != null;
        String entityId = patientEntity ? keys.pseudonym(PATIENT, "Patient/" + e.entityId()) : e.entityId();
        return new StoredEvent(seq, eventId, now, e.type(), e.subtype(), e.action().name(), e.outcome().name(),
                e.status(), agent.userId(), agent.clientId(),
                agent.roles().isEmpty() ? null : String.join(" ", agent.roles()), agent.sessionRef(),
                agent.address(), agent.userAgent(), e.purposeOfUse(), e.entityType(), entityId,
                e.entityVersion(),
                e.patientReference() == null ? null : keys.pseudonym(PATIENT, e.patientReference()),
                e.query() == null || e.query().isEmpty() ? null : keys.pseudonym(QUERY, e.query()),
                e.resultCount(), e.requestId(), nodeId, e.reason(), null);
    }
}
