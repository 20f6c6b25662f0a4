package dev.safeguard.identity;

import java.time.Instant;

/**
 * A freshly issued session: the cookie value (a 256-bit secret, shown to the client once and stored only as a
 * digest), its CSRF token, how far sign-in has come, and when it ends at the latest.
 */
public record SessionTicket(String token, String csrfToken, Stage stage, Instant expiresAt) {

    /** How far sign-in has come. Only {@link #AUTHENTICATED} sessions reach anything but the sign-in steps. */
    public enum Stage {
        /** Password accepted; a TOTP or recovery code is still required. */
        MFA_REQUIRED,
        /** Password accepted; the user has no authenticator yet and must enroll one. */
        ENROLLMENT_REQUIRED,
        AUTHENTICATED
    }

    @Override
    public String toString() {
        return "SessionTicket[stage=" + stage + ", expiresAt=" + expiresAt + "]";
    }
}
