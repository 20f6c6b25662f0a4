package dev.safeguard.crypto.spi;

import com.google.crypto.tink.Aead;

/**
 * The root of the key hierarchy: it encrypts the keysets stored in the database (key-encryption keys, blind-index and
 * record-MAC keys) and nothing else. A provider keeps the key material where it belongs (a 0600 file outside the
 * database directory, or an HSM that never releases it) and exposes only authenticated encryption.
 */
public interface MasterKey {

    /** The provider's name as configured: {@code local} or {@code pkcs11}. */
    String provider();

    /** Where the key lives, for operators and evidence (a path or a token label); never key material. */
    String location();

    /** AES-256-GCM under the master key; associated data binds each wrapped keyset to its name. */
    Aead aead();
}
