package dev.safeguard.audit.internal.alerts;

/** A channel could not deliver; the message is safe to log (a status code or a fixed reason, never the payload). */
final class DeliveryFailed extends Exception {

    DeliveryFailed(String message) {
        super(message, null, false, false);
    }
}
