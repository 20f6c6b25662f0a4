package dev.safeguard.identity.web;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.CurrentSession;
import dev.safeguard.identity.IdentitySettings;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.identity.SessionCookies;
import dev.safeguard.identity.SessionTicket;
import dev.safeguard.identity.internal.CredentialResolver;
import dev.safeguard.identity.internal.CredentialResolver.ExpiredSession;
import dev.safeguard.identity.internal.CredentialResolver.LiveSession;
import dev.safeguard.identity.internal.IdentityEvents;
import dev.safeguard.identity.internal.Tokens;
import dev.safeguard.platform.ProblemResponses;
import dev.safeguard.shared.ProblemKind;
import dev.safeguard.shared.SecurityEvent.Action;
import dev.safeguard.shared.SecurityEvent.Agent;
import dev.safeguard.shared.SecurityEvent.Outcome;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates every request from its credential, a bearer API key or the session cookie, and enforces CSRF
 * protection for cookie-authenticated writes (synchronizer token in {@code X-CSRF-Token} or the form field
 * {@code _csrf}; bearer requests need none, since browsers never attach them on their own).
 */
class CredentialFilter extends OncePerRequestFilter {

    static final String FULLY_AUTHENTICATED = "FULLY_AUTHENTICATED";
    static final String MFA_PENDING = "MFA_PENDING";
    static final String ENROLLMENT_PENDING = "ENROLLMENT_PENDING";
    static final String SESSION_EXPIRED_ATTRIBUTE = "safeguard.session-expired";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    /**
     * Sign-in and setup replace whatever session is presented instead of acting on it, so they need no token; a
     * cross-site attempt is still refused through {@code Sec-Fetch-Site} and SameSite=Strict cookies.
     */
    private static final Set<String> CSRF_EXEMPT = Set.of("/api/auth/login", "/login", "/api/setup", "/setup");

    private final CredentialResolver resolver;
    private final IdentityEvents events;
    private final ProblemResponses problems;
    private final IdentitySettings settings;

    CredentialFilter(CredentialResolver resolver, IdentityEvents events, ProblemResponses problems,
                     IdentitySettings settings) {
        this.resolver = resolver;
        this.events = events;
        this.problems = problems;
        this.settings = settings;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RequestOrigin origin = origin(request);
        if (!SAFE_METHODS.contains(request.getMethod()) && "cross-site".equals(request.getHeader("Sec-Fetch-Site"))) {
            problems.write(request, response, ProblemKind.CSRF_REJECTED, "Cross-site requests are refused", null);
            return;
        }
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                problems.write(request, response, ProblemKind.AUTHENTICATION_REQUIRED,
                        "Use 'Authorization: Bearer <API key>'", null);
                return;
            }
            Optional<Actor> client = resolver.apiKey(authorization.substring(7).strip(), origin);
            if (client.isEmpty()) {
                events.record(IdentityEvents.AUTHENTICATION, "api-key", Action.E, Outcome.MINOR_FAILURE,
                        Agent.anonymous(origin.address(), origin.userAgent()), null, "invalid-api-key");
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
                problems.write(request, response, ProblemKind.INVALID_CREDENTIALS,
                        "The API key is not valid: unknown, revoked, expired, or its owner cannot sign in", null);
                return;
            }
            List<GrantedAuthority> authorities = new ArrayList<>();
            authorities.add(new SimpleGrantedAuthority(FULLY_AUTHENTICATED));
            client.get().scopes().forEach(s -> authorities.add(new SimpleGrantedAuthority(s.authority())));
            authenticate(client.get(), authorities, request);
        } else {
            String token = SessionCookies.read(request);
            if (token != null) {
                var resolution = resolver.session(token, origin);
                if (resolution instanceof LiveSession live) {
                    if (!SAFE_METHODS.contains(request.getMethod())
                            && !CSRF_EXEMPT.contains(request.getRequestURI())
                            && !csrfValid(request, live.csrfToken())) {
                        problems.write(request, response, ProblemKind.CSRF_REJECTED,
                                "Send the session's CSRF token in the X-CSRF-Token header or the _csrf form field",
                                null);
                        return;
                    }
                    CurrentSession.set(request, new CurrentSession(live.actor(), live.stage(), live.csrfToken(),
                            Instant.ofEpochMilli(live.lastAccessedAt()).plus(settings.sessionInactivity()),
                            Instant.ofEpochMilli(live.expiresAt())));
                    authenticate(live.actor(), authorities(live), request);
                } else {
                    if (resolution instanceof ExpiredSession) {
                        request.setAttribute(SESSION_EXPIRED_ATTRIBUTE, Boolean.TRUE);
                    }
                    SessionCookies.clear(response);
                }
            }
        }
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static List<GrantedAuthority> authorities(LiveSession live) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        if (live.stage() == SessionTicket.Stage.AUTHENTICATED) {
            authorities.add(new SimpleGrantedAuthority(FULLY_AUTHENTICATED));
            live.actor().roles().forEach(r -> authorities.add(new SimpleGrantedAuthority(r.authority())));
        } else {
            authorities.add(new SimpleGrantedAuthority(
                    live.stage() == SessionTicket.Stage.MFA_REQUIRED ? MFA_PENDING : ENROLLMENT_PENDING));
        }
        return authorities;
    }

    private static boolean csrfValid(HttpServletRequest request, String expected) {
        String presented = request.getHeader("X-CSRF-Token");
        if (presented == null) {
            presented = request.getParameter("_csrf");
        }
        return Tokens.same(expected, presented);
    }

    private static void authenticate(Actor actor, List<GrantedAuthority> authorities, HttpServletRequest request) {
        request.setAttribute(dev.safeguard.shared.SecurityEvent.Agent.REQUEST_ATTRIBUTE,
                IdentityEvents.agent(actor, origin(request)));
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new ActorAuthentication(actor, authorities));
        SecurityContextHolder.setContext(context);
    }

    static RequestOrigin origin(HttpServletRequest request) {
        return RequestOrigin.of(request);
    }

    /** Spring Security's view of an authenticated {@link Actor}. */
    static final class ActorAuthentication extends AbstractAuthenticationToken {
        private final Actor actor;

        ActorAuthentication(Actor actor, List<GrantedAuthority> authorities) {
            super(authorities);
            this.actor = actor;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return null;
        }

        @Override
        public Actor getPrincipal() {
            return actor;
        }
    }
}
