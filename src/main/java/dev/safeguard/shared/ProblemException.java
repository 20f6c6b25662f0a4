package dev.safeguard.shared;

import java.time.Duration;
import java.util.Map;

/**
 * A failure whose kind and message are safe to show to the caller. The detail must never contain a secret, a
 * stack trace or PHI; it says what the caller can do about it.
 */
public class ProblemException extends RuntimeException {

    private final ProblemKind kind;
    private final Duration retryAfter;
    private final Map<String, Object> properties;

    public ProblemException(ProblemKind kind, String detail) {
        this(kind, detail, null, Map.of());
    }

    public ProblemException(ProblemKind kind, String detail, Duration retryAfter, Map<String, Object> properties) {
        this(kind, detail, retryAfter, properties, null);
    }

    /** With the underlying cause, for the log only; the cause never reaches the caller. */
    public ProblemException(ProblemKind kind, String detail, Duration retryAfter, Map<String, Object> properties,
                            Throwable cause) {
        super(detail, cause, false, false);
        this.kind = kind;
        this.retryAfter = retryAfter;
        this.properties = Map.copyOf(properties);
    }

    public static ProblemException tooManyRequests(String detail, Duration retryAfter) {
        return new ProblemException(ProblemKind.TOO_MANY_REQUESTS, detail, retryAfter, Map.of());
    }

    public ProblemKind kind() {
        return kind;
    }

    /** How long the caller should wait before trying again, or {@code null}. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** Extra members of the problem document (RFC 9457 extension members). */
    public Map<String, Object> properties() {
        return properties;
    }
}
