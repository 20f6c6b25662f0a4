package dev.safeguard.identity.internal;

/** A row of {@code sessions}. {@code idHash} is the SHA-256 of the cookie value; the value itself is not stored. */
public record SessionRow(String idHash, String userId, String stage, String csrfToken, long createdAt,
                         long lastAccessedAt, long expiresAt, String address) {

    public static final String PASSWORD_VERIFIED = "PASSWORD_VERIFIED";
    public static final String ENROLLMENT_REQUIRED = "ENROLLMENT_REQUIRED";
    public static final String AUTHENTICATED = "AUTHENTICATED";

    @Override
    public String toString() {
        return "SessionRow[ref=" + Tokens.reference(idHash) + ", user=" + userId + ", stage=" + stage + "]";
    }
}
