package dev.safeguard.identity.internal;

import dev.safeguard.identity.IdentitySettings;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.identity.SessionTicket;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Issues sessions. Every step of sign-in issues a new session id and deletes the one presented (ASVS: a new
 * session id on every authentication), so a session id seen before sign-in is worthless after it.
 */
@Component
public class SessionIssuer {

    /** A half-signed-in session (password accepted, second factor pending) lives at most this long. */
    static final Duration PENDING_MFA = Duration.ofMinutes(5);
    static final Duration PENDING_ENROLLMENT = Duration.ofMinutes(15);

    private final SessionStore sessions;
    private final RevocationStore revocations;
    private final IdentitySettings settings;

    public SessionIssuer(SessionStore sessions, RevocationStore revocations, IdentitySettings settings) {
        this.sessions = sessions;
        this.revocations = revocations;
        this.settings = settings;
    }

    public SessionTicket issue(String userId, SessionTicket.Stage stage, Instant now, RequestOrigin origin,
                               String replacedIdHash) {
        if (replacedIdHash != null && sessions.delete(replacedIdHash)) {
            revocations.record(userId, RevocationStore.SESSION, Tokens.reference(replacedIdHash), "ROTATED",
                    now.toEpochMilli());
        }
        String token = Tokens.random(32);
        String csrf = Tokens.random(32);
        Duration lifetime = switch (stage) {
            case MFA_REQUIRED -> PENDING_MFA;
            case ENROLLMENT_REQUIRED -> PENDING_ENROLLMENT;
            case AUTHENTICATED -> settings.sessionAbsolute();
        };
        Instant expires = now.plus(lifetime);
        String dbStage = switch (stage) {
            case MFA_REQUIRED -> SessionRow.PASSWORD_VERIFIED;
            case ENROLLMENT_REQUIRED -> SessionRow.ENROLLMENT_REQUIRED;
            case AUTHENTICATED -> SessionRow.AUTHENTICATED;
        };
        sessions.insert(new SessionRow(Tokens.sha256(token), userId, dbStage, csrf, now.toEpochMilli(),
                now.toEpochMilli(), expires.toEpochMilli(), origin.address()), origin.userAgent());
        return new SessionTicket(token, csrf, stage, expires);
    }

    public static SessionTicket.Stage stageOf(SessionRow row) {
        return switch (row.stage()) {
            case SessionRow.PASSWORD_VERIFIED -> SessionTicket.Stage.MFA_REQUIRED;
            case SessionRow.ENROLLMENT_REQUIRED -> SessionTicket.Stage.ENROLLMENT_REQUIRED;
            default -> SessionTicket.Stage.AUTHENTICATED;
        };
    }
}
