package dev.safeguard.crypto;

import com.google.crypto.tink.StreamingAead;

/**
 * The keys of encrypted backups (45 CFR 164.308(a)(7)(ii)(A), 164.310(d)(2)(iv)): a fresh streaming key for every
 * backup, wrapped by the master key, and an Ed25519 key that signs backup manifests.
 *
 * <p>Security guarantees: each backup is encrypted with Tink's StreamingAead (AES-256-GCM-HKDF, 1 MiB segments) under
 * a keyset generated for it alone; that keyset leaves memory only encrypted under the master key, with the backup's
 * id as associated data, so a wrapped key copied into another backup's manifest does not open, and nobody without
 * this installation's master key (the local keyset file or the HSM) can read a backup. The manifest signing key
 * ({@code backup-signing.json} in the key directory) never leaves the key directory; its public keyset verifies a
 * manifest offline.
 */
public interface BackupKeys {

    /** A new streaming key for the backup {@code backupId}, with its keyset encrypted under the master key. */
    BackupKey newKey(String backupId);

    /**
     * The streaming key of a backup, unwrapped with this installation's master key.
     *
     * @throws BackupKeyUnavailable when the wrapped key does not open: another master key, another backup's key, or an
     *                              altered manifest
     */
    StreamingAead open(String backupId, byte[] wrappedKey);

    /** Ed25519 signature of a manifest. */
    byte[] sign(byte[] manifest);

    /** True when {@code signature} is this installation's signature of {@code manifest}. */
    boolean verify(byte[] manifest, byte[] signature);

    /** The public keyset of the manifest signing key (Tink JSON, no secret material). */
    String publicKeysetJson();

    /** A backup's streaming key and its keyset as wrapped by the master key (to store in the manifest). */
    record BackupKey(StreamingAead aead, byte[] wrapped) {
        @Override
        public String toString() {
            return "BackupKey[wrapped, " + wrapped.length + " bytes]";
        }
    }

    /** A backup's key cannot be unwrapped with this installation's master key. */
    final class BackupKeyUnavailable extends RuntimeException {
        public BackupKeyUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
