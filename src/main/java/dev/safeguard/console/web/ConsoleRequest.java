package dev.safeguard.console.web;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.CurrentSession;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.identity.SessionTicket;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;

/** What a console controller reads from the request: where it came from, who sent it, how far sign-in has come. */
final class ConsoleRequest {

    private ConsoleRequest() {
    }

    static RequestOrigin origin(HttpServletRequest request) {
        return new RequestOrigin(request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT));
    }

    /** The signed-in user; the security chain lets only fully authenticated sessions reach the callers. */
    static Actor actor(HttpServletRequest request) {
        CurrentSession session = CurrentSession.of(request);
        if (session == null || session.stage() != SessionTicket.Stage.AUTHENTICATED) {
            throw new ProblemException(ProblemKind.AUTHENTICATION_REQUIRED, "Sign in to use the console");
        }
        return session.actor();
    }

    /** The stage of the presented session, or {@code null} when there is none. */
    static SessionTicket.Stage stage(HttpServletRequest request) {
        CurrentSession session = CurrentSession.of(request);
        return session == null ? null : session.stage();
    }

    /** Where a session at this stage belongs: the sign-in step it still has to take, or the home page. */
    static String placeOf(SessionTicket.Stage stage) {
        if (stage == null) {
            return "/login";
        }
        return switch (stage) {
            case MFA_REQUIRED -> "/login/mfa";
            case ENROLLMENT_REQUIRED -> "/mfa/enroll";
            case AUTHENTICATED -> "/";
        };
    }
}
