package dev.safeguard.crypto;

/**
 * The audit trail's keys: an Ed25519 key that signs Merkle tree heads, and a PRF (HMAC-SHA256) key that turns
 * identifiers and search values into pseudonyms before they are recorded.
 *
 * <p>Security guarantees: the private signing key and the PRF key never leave the key directory; a tree head signed
 * here verifies offline with the exported public keyset and nothing else; the same input under the same purpose always
 * gives the same pseudonym (so a patient's access report can find its events), and without the key a pseudonym
 * reveals nothing about its input.
 */
public interface AuditKeys {

    /** Ed25519 signature of {@code message}. */
    byte[] sign(byte[] message);

    /** True when {@code signature} is this key's signature of {@code message}. */
    boolean verify(byte[] message, byte[] signature);

    /** The public verification keyset (Tink JSON format, no secret material), for offline verification. */
    String publicKeysetJson();

    /** A stable pseudonym of {@code value}: hex of HMAC-SHA256 under the audit PRF key, domain-separated by purpose. */
    String pseudonym(String purpose, String value);
}
