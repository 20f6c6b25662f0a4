package dev.safeguard.shared;

/**
 * Records {@link SecurityEvent}s. Implementations are synchronous: {@link #record} returns once the event is
 * recorded and throws when it cannot be, so callers fail closed (no record, no action).
 */
public interface SecurityEventRecorder {

    /**
     * Records the event.
     *
     * @throws RuntimeException when the event could not be recorded; the caller must not proceed as if it had been
     */
    void record(SecurityEvent event);
}
