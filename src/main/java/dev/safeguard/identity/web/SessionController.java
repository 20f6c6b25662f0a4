package dev.safeguard.identity.web;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.CurrentSession;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/session}: who is signed in, the CSRF token, and when the session ends. Counts as activity. */
@RestController
class SessionController {

    record SessionView(String userId, String username, List<String> roles, String stage, String csrfToken,
                       Instant idleExpiresAt, Instant expiresAt) {
    }

    @GetMapping("/api/session")
    SessionView session(HttpServletRequest request) {
        CurrentSession session = CurrentSession.of(request);
        if (session == null) {
            throw Boolean.TRUE.equals(request.getAttribute(CredentialFilter.SESSION_EXPIRED_ATTRIBUTE))
                    ? new ProblemException(ProblemKind.SESSION_EXPIRED,
                            "The session ended after inactivity or at its time limit; sign in again")
                    : new ProblemException(ProblemKind.AUTHENTICATION_REQUIRED, "This call needs a session cookie");
        }
        Actor actor = session.actor();
        return new SessionView(actor.id(), actor.name(), actor.roleIds(), SessionViews.stage(session.stage()),
                session.csrfToken(), session.idleExpiresAt(), session.expiresAt());
    }
}
