package dev.safeguard.audit.internal;

import java.util.List;

/**
 * Told about events after they are committed, in sequence order, on the appender's thread: exports (syslog) and
 * alert rules. Implementations must return quickly and must not throw; anything slow goes to their own queue.
 */
public interface CommittedEventsListener {

    void committed(List<StoredEvent> events);
}
