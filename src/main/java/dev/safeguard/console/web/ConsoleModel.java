package dev.safeguard.console.web;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.CurrentSession;
import dev.safeguard.identity.Role;
import dev.safeguard.identity.SessionTicket;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the layout of every console page needs: who is signed in (only for a complete sign-in, so half-signed-in
 * pages show no navigation), the CSRF token for forms and htmx, and when automatic logoff happens (45 CFR
 * 164.312(a)(2)(iii)). Remaining times are computed with the server's clock, so the browser's clock does not matter.
 */
@ControllerAdvice(basePackageClasses = ConsoleModel.class)
class ConsoleModel {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final Clock clock;

    ConsoleModel(Clock clock) {
        this.clock = clock;
    }

    /**
     * The signed-in user as the layout shows them.
     *
     * @param auditReader     auditor or security officer: the audit pages are open to them
     * @param programReader   security officer, compliance officer or auditor: the compliance program pages are open
     *                        to them
     * @param programWriter   security or compliance officer: they change controls, decisions and evidence
     * @param idleSeconds     seconds until automatic logoff if nothing happens (the inactivity window, since this
     *                        request was activity)
     * @param absoluteSeconds seconds until the session ends whatever happens
     */
    record SignedInUser(String username, List<String> roles, boolean officer, boolean auditReader,
                        boolean programReader, boolean programWriter, String csrfToken, Instant idleExpiresAt,
                        long idleSeconds, long absoluteSeconds) {

        /** The inactivity window in whole minutes, for the home page's explanation. */
        public long idleMinutes() {
            return (idleSeconds + 30) / 60;
        }

        /** The htmx {@code hx-headers} value: JSON carrying the CSRF token (an attribute, so the CSP allows it). */
        public String hxHeaders() {
            return "{\"X-CSRF-Token\": \"" + csrfToken.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        }

        @Override
        public String toString() {
            return "SignedInUser[" + username + "]";
        }
    }

    /** Formats instants for tables and notices, in UTC so every reader sees the same time. */
    static final class Dates {
        public String format(Instant instant) {
            return instant == null ? "—" : DATE_TIME.format(instant);
        }

        /** To the second, for audit events. */
        public String seconds(Instant instant) {
            return instant == null ? "—" : SECONDS.format(instant);
        }
    }

    @ModelAttribute("me")
    SignedInUser me(HttpServletRequest request) {
        CurrentSession session = CurrentSession.of(request);
        if (session == null || session.stage() != SessionTicket.Stage.AUTHENTICATED) {
            return null;
        }
        Actor actor = session.actor();
        Instant now = clock.instant();
        return new SignedInUser(actor.name(), actor.roleIds(), actor.has(Role.SECURITY_OFFICER),
                ConsoleRequest.readsAudit(actor), ProgramPages.reads(actor), ProgramPages.writes(actor),
                session.csrfToken(), session.idleExpiresAt(),
                secondsBetween(now, session.idleExpiresAt()), secondsBetween(now, session.expiresAt()));
    }

    @ModelAttribute("dates")
    Dates dates() {
        return new Dates();
    }

    private static long secondsBetween(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).getSeconds());
    }
}
