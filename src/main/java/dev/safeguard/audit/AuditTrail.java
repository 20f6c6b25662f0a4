package dev.safeguard.audit;

/**
 * Appends events to the audit trail.
 *
 * <p>Guarantees: {@link #append} returns only after the event is committed to the database (group-committed with
 * concurrent events); it throws {@link AuditUnavailable} otherwise, fast when the queue is full. Events get gap-free
 * sequence numbers in commit order and become leaves of the Merkle tree in that order.
 */
public interface AuditTrail {

    /**
     * Records the event durably and returns its sequence number.
     *
     * @throws AuditUnavailable when the event could not be recorded
     */
    long append(AuditEvent event);
}
