package dev.safeguard.shared;

import java.util.function.Supplier;

/**
 * Records {@link SecurityEvent}s in the audit trail. Recording is synchronous: {@link #record} returns once the event
 * is durably committed and throws when it cannot be, so callers fail closed (no record, no action).
 */
public interface SecurityEventRecorder {

    /**
     * Records the event. Inside {@link #atomically} it joins that transaction; elsewhere it is committed on its own
     * (group-committed with concurrent events) before this method returns.
     *
     * @throws RuntimeException when the event could not be recorded; the caller must not proceed as if it had been
     */
    void record(SecurityEvent event);

    /**
     * Runs {@code work} in one database transaction in which the events it records are committed together with its
     * changes: no change without its event, no event for a change that rolled back.
     */
    <T> T atomically(Supplier<T> work);

    /** {@link #atomically(Supplier)} without a result. */
    default void atomically(Runnable work) {
        atomically(() -> {
            work.run();
            return null;
        });
    }
}
