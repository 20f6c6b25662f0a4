package dev.safeguard.audit.internal;

/**
 * One row of {@code audit_events}, exactly as stored. Every column except {@code leafHash} is covered by the
 * {@link CanonicalEncoding}, so changing any of them breaks the leaf hash.
 */
public record StoredEvent(long seq, String eventId, long recordedAt, String type, String subtype, String action,
                          String outcome, Integer status, String agentUser, String agentClient, String agentRoles,
                          String agentSession, String agentAddress, String agentUserAgent, String purpose,
                          String entityType, String entityId, String entityVersion, String patientPseudonym,
                          String queryPseudonym, Integer resultCount, String requestId, String nodeId, String reason,
                          byte[] leafHash) {

    /** The same row with the leaf hash computed from its canonical encoding. */
    public StoredEvent withLeafHash() {
        return new StoredEvent(seq, eventId, recordedAt, type, subtype, action, outcome, status, agentUser,
                agentClient, agentRoles, agentSession, agentAddress, agentUserAgent, purpose, entityType, entityId,
                entityVersion, patientPseudonym, queryPseudonym, resultCount, requestId, nodeId, reason,
                CanonicalEncoding.leafHash(this));
    }
}
