package dev.safeguard.crypto;

/**
 * Search tokens that let the database match values it never sees: a keyed PRF (Tink HMAC-SHA256 PRF under a dedicated
 * index key) over the normalized value, truncated to 128 bits, hex-encoded. Equal values (after normalization: Unicode
 * compatibility decomposition, diacritics removed, case folded, whitespace collapsed and trimmed) give equal tokens;
 * nothing else can be learned from a token without the key.
 */
public interface BlindIndex {

    /** The token of a value of the named search field; {@code field} separates the domains of different fields. */
    String token(String field, String value);

    /** The normalization applied before hashing, for callers that build prefixes or compare. */
    String normalize(String value);
}
