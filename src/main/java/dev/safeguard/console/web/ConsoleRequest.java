package dev.safeguard.console.web;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.CurrentSession;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.identity.Role;
import dev.safeguard.identity.SessionTicket;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import dev.safeguard.shared.SecurityEvent.Agent;
import jakarta.servlet.http.HttpServletRequest;

/** What a console controller reads from the request: where it came from, who sent it, how far sign-in has come. */
final class ConsoleRequest {

    private ConsoleRequest() {
    }

    static RequestOrigin origin(HttpServletRequest request) {
        return RequestOrigin.of(request);
    }

    /** The signed-in user; the security chain lets only fully authenticated sessions reach the callers. */
    static Actor actor(HttpServletRequest request) {
        CurrentSession session = CurrentSession.of(request);
        if (session == null || session.stage() != SessionTicket.Stage.AUTHENTICATED) {
            throw new ProblemException(ProblemKind.AUTHENTICATION_REQUIRED, "Sign in to use the console");
        }
        return session.actor();
    }

    /**
     * The signed-in auditor or security officer, for the audit pages; anyone else is refused with 403 (the console's
     * error page). The security chain restricts {@code /audit/**} to the same roles; this check keeps every audit
     * page closed to other roles even if that rule is changed or a page is mapped outside it.
     */
    static Actor auditReader(HttpServletRequest request) {
        Actor actor = actor(request);
        if (!readsAudit(actor)) {
            throw new ProblemException(ProblemKind.FORBIDDEN,
                    "The audit pages are for auditors and security officers; your roles do not include either");
        }
        return actor;
    }

    static boolean readsAudit(Actor actor) {
        return actor.has(Role.AUDITOR) || actor.has(Role.SECURITY_OFFICER);
    }

    /** Who sent the request, as the audit trail records it (set by the authenticating filter), or {@code null}. */
    static Agent agent(HttpServletRequest request) {
        return request.getAttribute(Agent.REQUEST_ATTRIBUTE) instanceof Agent agent ? agent : null;
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
