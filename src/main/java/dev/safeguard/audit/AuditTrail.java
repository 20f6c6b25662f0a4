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

    /**
     * Runs {@code work} in one database transaction in which every event it appends is inserted too: a change to ePHI
     * and its audit event commit together or not at all.
     *
     * @throws AuditUnavailable when the transaction (and so the change and its events) could not be committed
     */
    <T> T atomically(java.util.function.Supplier<T> work);
}
