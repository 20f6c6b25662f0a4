package dev.safeguard.audit;

import java.time.Instant;

/**
 * A stored audit event as auditors read it. Patient references and query values appear only as pseudonyms.
 * Field names follow FHIR R4 AuditEvent where one exists.
 */
public record AuditRecord(long seq, String eventId, Instant recorded, String type, String subtype, String action,
                          String outcome, Integer status, String agentUser, String agentClient, String agentRoles,
                          String agentSession, String agentAddress, String agentUserAgent, String purposeOfUse,
                          String entityType, String entityId, String entityVersion, String patientPseudonym,
                          String queryPseudonym, Integer resultCount, String requestId, String nodeId, String reason,
                          String leafHash) {

    /** Break-glass (emergency) access is recorded with purpose of use ETREAT. */
    public boolean breakGlass() {
        return "ETREAT".equals(purposeOfUse);
    }
}
