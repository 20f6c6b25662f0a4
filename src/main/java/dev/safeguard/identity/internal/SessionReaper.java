package dev.safeguard.identity.internal;

import dev.safeguard.identity.IdentitySettings;
import dev.safeguard.identity.RequestOrigin;
import java.time.Clock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Ends sessions that timed out without being presented again, so automatic logoff is recorded even when the user
 * simply walked away.
 */
@Component
class SessionReaper {

    private final SessionStore sessions;
    private final CredentialResolver resolver;
    private final IdentitySettings settings;
    private final Clock clock;

    SessionReaper(SessionStore sessions, CredentialResolver resolver, IdentitySettings settings, Clock clock) {
        this.sessions = sessions;
        this.resolver = resolver;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${safeguard.identity.reaper-interval:PT1M}", initialDelayString = "PT1M")
    void reap() {
        long now = clock.millis();
        RequestOrigin server = new RequestOrigin("server", null);
        for (SessionRow session : sessions.expired(now, settings.sessionInactivity().toMillis())) {
            boolean idle = now - session.lastAccessedAt() >= settings.sessionInactivity().toMillis();
            resolver.end(session, now, idle ? "idle-timeout" : "absolute-timeout", server);
        }
    }
}
