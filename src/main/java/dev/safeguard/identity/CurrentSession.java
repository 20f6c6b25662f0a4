package dev.safeguard.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;

/**
 * The session of the current request, as the console needs it: its stage, its CSRF token (for forms), and when it
 * ends by inactivity and at the latest.
 */
public record CurrentSession(Actor actor, SessionTicket.Stage stage, String csrfToken, Instant idleExpiresAt,
                             Instant expiresAt) {

    static final String ATTRIBUTE = CurrentSession.class.getName();

    /** The session resolved for this request, or {@code null}. */
    public static CurrentSession of(HttpServletRequest request) {
        return (CurrentSession) request.getAttribute(ATTRIBUTE);
    }

    public static void set(HttpServletRequest request, CurrentSession session) {
        request.setAttribute(ATTRIBUTE, session);
    }

    @Override
    public String toString() {
        return "CurrentSession[" + actor.id() + ", " + stage + "]";
    }
}
