package dev.safeguard.identity.web;

import dev.safeguard.identity.SessionTicket;
import java.time.Instant;
import java.util.Locale;

/** JSON shapes of sign-in answers. The session id itself travels only in the cookie. */
final class SessionViews {

    private SessionViews() {
    }

    record SignInStep(String stage, String csrfToken, Instant expiresAt) {
    }

    static SignInStep of(SessionTicket ticket) {
        return new SignInStep(stage(ticket.stage()), ticket.csrfToken(), ticket.expiresAt());
    }

    static String stage(SessionTicket.Stage stage) {
        return stage.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
