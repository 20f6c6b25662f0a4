package dev.safeguard.crypto;

/**
 * Envelope encryption of ePHI: one data key series per compartment (a patient, or {@link #SHARED} for resources
 * outside any patient compartment), each data key wrapped by a key-encryption key (KEK) that the master key protects.
 *
 * <p>Security guarantees: AES-256-GCM (Tink) under the compartment's data key; the caller's associated data (resource
 * type, id, version) is authenticated, so a ciphertext moved to another row fails to open. Compartment names are
 * stored only as keyed hashes. A shredded compartment's data keys are deleted: nothing of it can be decrypted again.
 * Plaintext data keys live only in a bounded in-memory cache.
 */
public interface CompartmentKeys {

    String SHARED = "shared";

    /** Encrypts under the compartment's current data key, creating the first one if needed. */
    Sealed seal(String compartment, byte[] plaintext, byte[] associatedData);

    /**
     * Decrypts what {@link #seal} produced.
     *
     * @throws CompartmentShredded when the compartment was crypto-shredded
     * @throws IntegrityFailure    when the ciphertext or its associated data was altered or moved
     */
    byte[] open(String compartment, int keyVersion, byte[] ciphertext, byte[] associatedData);

    /** Starts a new data key version for the compartment; new data is sealed under it. Returns the new version. */
    int rotate(String compartment);

    /** Destroys every data key of the compartment, irreversibly. */
    void shred(String compartment);

    boolean shredded(String compartment);

    /** A ciphertext and the data key version that sealed it. */
    record Sealed(int keyVersion, byte[] ciphertext) {
    }

    /** The compartment's keys were destroyed; its data is gone for good (HTTP 410). */
    final class CompartmentShredded extends RuntimeException {
        public CompartmentShredded() {
            super("The data key of this compartment was destroyed (crypto-shredded)");
        }
    }

    /** A ciphertext failed authentication: altered, moved to another row, or sealed under another key. */
    final class IntegrityFailure extends RuntimeException {
        public IntegrityFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
