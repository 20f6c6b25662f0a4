package dev.safeguard.audit;

import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import java.time.Duration;
import java.util.Map;

/**
 * The audit trail could not durably record an event: its queue is full, or the store failed. The caller must not
 * proceed as if the event were recorded: requests answer 503 with {@code Retry-After} and release nothing.
 */
public final class AuditUnavailable extends ProblemException {

    private final String internalReason;

    public AuditUnavailable(String internalReason, Duration retryAfter, Throwable cause) {
        super(ProblemKind.SERVICE_UNAVAILABLE, "The audit trail cannot record this request right now; nothing was "
                + "done or released. Try again shortly.", retryAfter, Map.of(), cause);
        this.internalReason = internalReason;
    }

    /** Why, for the log; not shown to callers. */
    public String internalReason() {
        return internalReason;
    }
}
