package dev.safeguard.crypto;

/**
 * Seals small application secrets (TOTP seeds, webhook keys) for storage in the database.
 *
 * <p>Security guarantees: authenticated encryption (AES-256-GCM) under a key that never leaves the key directory; the
 * {@code purpose} is bound as associated data, so a sealed value copied into a field with another purpose (or another
 * row, when the purpose names the row) fails to open instead of yielding the secret.
 */
public interface SecretSealer {

    byte[] seal(byte[] plaintext, String purpose);

    /**
     * @throws SecretUnavailable when the value was tampered with, moved, or sealed under a key that is gone
     */
    byte[] open(byte[] sealed, String purpose);

    /** A sealed secret could not be opened. The message never contains secret material. */
    final class SecretUnavailable extends RuntimeException {
        public SecretUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
