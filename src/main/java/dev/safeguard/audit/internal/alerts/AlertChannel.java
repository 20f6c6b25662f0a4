package dev.safeguard.audit.internal.alerts;

/** A way out for alerts (webhook, e-mail). {@link #send} is called on the alerts executor and may block briefly. */
interface AlertChannel {

    /** Short name for logs, e.g. {@code webhook}. */
    String name();

    boolean enabled();

    /**
     * Delivers one alert or throws; the caller retries with backoff. A thrown exception's message is logged, so it
     * must not contain the payload.
     */
    void send(AlertNotice notice) throws Exception;
}
