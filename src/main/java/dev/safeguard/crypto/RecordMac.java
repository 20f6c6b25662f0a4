package dev.safeguard.crypto;

/**
 * Integrity protection of stored metadata (45 CFR 164.312(c)): HMAC-SHA256 (Tink) under a dedicated key, so a row
 * edited or swapped by someone without the key no longer verifies.
 */
public interface RecordMac {

    byte[] mac(byte[] data);

    boolean verify(byte[] mac, byte[] data);
}
