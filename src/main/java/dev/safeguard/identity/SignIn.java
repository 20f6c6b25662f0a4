package dev.safeguard.identity;

import dev.safeguard.crypto.SecretSealer;
import dev.safeguard.identity.internal.IdentityEvents;
import dev.safeguard.identity.internal.LoginThrottle;
import dev.safeguard.identity.internal.PasswordHashing;
import dev.safeguard.identity.internal.RevocationStore;
import dev.safeguard.identity.internal.SessionIssuer;
import dev.safeguard.identity.internal.SessionRow;
import dev.safeguard.identity.internal.SessionStore;
import dev.safeguard.identity.internal.Tokens;
import dev.safeguard.identity.internal.TotpCodes;
import dev.safeguard.identity.internal.UserRow;
import dev.safeguard.identity.internal.UserStore;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import dev.safeguard.shared.SecurityEvent.Outcome;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.stereotype.Service;

/**
 * Sign-in in two steps, password then second factor (TOTP or a recovery code), and sign-out.
 *
 * <p>Guarantees: unknown users, wrong passwords, locked, disabled and terminated accounts all get the same answer;
 * failures back off exponentially per account and per address; the {@code lockoutThreshold}th consecutive failure
 * (password or second factor) locks the password until a security officer resets it; only a complete sign-in resets
 * the count; a TOTP code is accepted at most once; every step issues a new session id.
 */
@Service
public class SignIn {

    static final String BAD_CREDENTIALS = "The username, password or code is not correct, or this account cannot "
            + "sign in. After repeated failures, ask your security officer.";

    private final UserStore users;
    private final SessionStore sessions;
    private final RevocationStore revocations;
    private final SessionIssuer issuer;
    private final PasswordHashing hashing;
    private final LoginThrottle throttle;
    private final TotpCodes totp;
    private final SecretSealer sealer;
    private final IdentityEvents events;
    private final IdentitySettings settings;
    private final Clock clock;

    SignIn(UserStore users, SessionStore sessions, RevocationStore revocations, SessionIssuer issuer,
           PasswordHashing hashing, LoginThrottle throttle, TotpCodes totp, SecretSealer sealer, IdentityEvents events,
           IdentitySettings settings, Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.revocations = revocations;
        this.issuer = issuer;
        this.hashing = hashing;
        this.throttle = throttle;
        this.totp = totp;
        this.sealer = sealer;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Step one: checks the password and issues a session that can only complete sign-in.
     *
     * @param presentedToken a session cookie sent with the request, deleted if present (or {@code null})
     */
    public SessionTicket password(String username, String password, String presentedToken, RequestOrigin origin) {
        Instant now = clock.instant();
        throttle.addressWait(origin.address(), now).ifPresent(wait -> {
            events.authentication("login", Outcome.MINOR_FAILURE, null, List.of(), null, origin, "address-throttled");
            throw throttled(wait);
        });
        Optional<UserRow> found = username == null ? Optional.empty() : users.findByUsername(username);
        if (found.isEmpty()) {
            hashing.verifyDecoy(password == null ? "" : password);
            throttle.addressFailed(origin.address(), now);
            events.authentication("login", Outcome.MINOR_FAILURE, null, List.of(), null, origin, "unknown-user");
            throw new ProblemException(ProblemKind.INVALID_CREDENTIALS, BAD_CREDENTIALS);
        }
        UserRow user = found.get();
        if (!user.active() || user.locked()) {
            hashing.verifyDecoy(password == null ? "" : password);
            throttle.addressFailed(origin.address(), now);
            events.authentication("login", Outcome.MINOR_FAILURE, user.id(), roles(user), null, origin,
                    user.locked() ? "password-locked" : "account-" + user.status().toLowerCase());
            throw new ProblemException(ProblemKind.INVALID_CREDENTIALS, BAD_CREDENTIALS);
        }
        Optional<Duration> wait = throttle.accountWait(user, now);
        if (wait.isPresent()) {
            events.authentication("login", Outcome.MINOR_FAILURE, user.id(), roles(user), null, origin,
                    "account-throttled");
            throw throttled(wait.get());
        }
        if (!hashing.verify(password == null ? "" : password, user.passwordHash())) {
            throttle.addressFailed(origin.address(), now);
            events.atomically(() -> fail(user, "login", "wrong-password", origin, now));
            throw new ProblemException(ProblemKind.INVALID_CREDENTIALS, BAD_CREDENTIALS);
        }
        return events.atomically(() -> {
            SessionTicket.Stage stage = user.mfaEnrolled()
                    ? SessionTicket.Stage.MFA_REQUIRED : SessionTicket.Stage.ENROLLMENT_REQUIRED;
            SessionTicket ticket = issuer.issue(user.id(), stage, now, origin, hashOrNull(presentedToken));
            events.authentication("login", Outcome.SUCCESS, user.id(), roles(user),
                    Tokens.reference(Tokens.sha256(ticket.token())), origin,
                    stage == SessionTicket.Stage.MFA_REQUIRED ? "password-accepted-mfa-pending"
                            : "password-accepted-enrollment-pending");
            return ticket;
        });
    }

    /**
     * Step two: a TOTP code ({@code code}) or a recovery code ({@code recoveryCode}) for a session that passed step
     * one. Returns the authenticated session, under a new id.
     */
    public SessionTicket secondFactor(String sessionToken, String code, String recoveryCode, RequestOrigin origin) {
        Instant now = clock.instant();
        String idHash = hashOrNull(sessionToken);
        SessionRow session = idHash == null ? null : sessions.find(idHash).orElse(null);
        if (session == null || !SessionRow.PASSWORD_VERIFIED.equals(session.stage())
                || session.expiresAt() <= now.toEpochMilli()) {
            throw new ProblemException(ProblemKind.AUTHENTICATION_REQUIRED,
                    "Sign in with your username and password first");
        }
        UserRow user = users.findById(session.userId()).orElseThrow();
        if (!user.active() || user.locked()) {
            sessions.delete(idHash);
            throw new ProblemException(ProblemKind.INVALID_CREDENTIALS, BAD_CREDENTIALS);
        }
        Optional<Duration> wait = throttle.accountWait(user, now);
        if (wait.isPresent()) {
            events.authentication("mfa", Outcome.MINOR_FAILURE, user.id(), roles(user), Tokens.reference(idHash),
                    origin, "account-throttled");
            throw throttled(wait.get());
        }
        boolean recovery = recoveryCode != null && !recoveryCode.isBlank();
        Boolean accepted = events.atomically(() -> {
            boolean ok;
            if (recovery) {
                ok = users.consumeRecoveryCode(user.id(), Tokens.sha256(normalizeRecovery(recoveryCode)),
                        now.toEpochMilli());
            } else {
                String secret = new String(sealer.open(user.totpSecret(), "totp:" + user.id()),
                        StandardCharsets.US_ASCII);
                OptionalLong step = totp.verify(secret, code, user.totpLastStep(), now);
                ok = step.isPresent() && users.consumeTotpStep(user.id(), step.getAsLong());
            }
            if (!ok) {
                fail(user, "mfa", recovery ? "wrong-recovery-code" : "wrong-or-reused-totp", origin, now);
            }
            return ok;
        });
        if (!Boolean.TRUE.equals(accepted)) {
            throttle.addressFailed(origin.address(), now);
            throw new ProblemException(ProblemKind.INVALID_CREDENTIALS, BAD_CREDENTIALS);
        }
        return events.atomically(() -> {
            users.resetFailures(user.id());
            SessionTicket ticket = issuer.issue(user.id(), SessionTicket.Stage.AUTHENTICATED, now, origin, idHash);
            events.authentication("mfa", Outcome.SUCCESS, user.id(), roles(user),
                    Tokens.reference(Tokens.sha256(ticket.token())), origin,
                    recovery ? "recovery-code" : "totp");
            return ticket;
        });
    }

    /**
     * Re-authentication of a signed-in user before a sensitive step (a break-glass request): the password and a TOTP
     * code again. Failures are throttled and count toward the lockout exactly like sign-in failures; a code is accepted
     * at most once. Every attempt is audited ({@code reauthentication}, with {@code purpose} as the reason).
     *
     * @throws ProblemException {@code INVALID_CREDENTIALS} when either factor is wrong or the account cannot sign in
     */
    public void reauthenticate(Actor actor, String password, String code, String purpose, RequestOrigin origin) {
        if (actor == null || actor.kind() != Actor.Kind.USER) {
            throw new ProblemException(ProblemKind.FORBIDDEN, "Only a signed-in person can re-authenticate");
        }
        Instant now = clock.instant();
        UserRow user = users.findById(actor.id()).orElseThrow(() -> new ProblemException(
                ProblemKind.INVALID_CREDENTIALS, BAD_CREDENTIALS));
        if (!user.active() || user.locked() || !user.mfaEnrolled()) {
            hashing.verifyDecoy(password == null ? "" : password);
            events.authentication("reauthentication", Outcome.MINOR_FAILURE, user.id(), roles(user),
                    actor.sessionRef(), origin, user.locked() ? "password-locked" : "account-cannot-sign-in");
            throw new ProblemException(ProblemKind.INVALID_CREDENTIALS, BAD_CREDENTIALS);
        }
        Optional<Duration> wait = throttle.accountWait(user, now);
        if (wait.isPresent()) {
            events.authentication("reauthentication", Outcome.MINOR_FAILURE, user.id(), roles(user),
                    actor.sessionRef(), origin, "account-throttled");
            throw throttled(wait.get());
        }
        if (!hashing.verify(password == null ? "" : password, user.passwordHash())) {
            throttle.addressFailed(origin.address(), now);
            events.atomically(() -> fail(user, "reauthentication", "wrong-password", origin, now));
            throw new ProblemException(ProblemKind.INVALID_CREDENTIALS, BAD_CREDENTIALS);
        }
        Boolean accepted = events.atomically(() -> {
            String secret = new String(sealer.open(user.totpSecret(), "totp:" + user.id()), StandardCharsets.US_ASCII);
            OptionalLong step = totp.verify(secret, code, user.totpLastStep(), now);
            boolean ok = step.isPresent() && users.consumeTotpStep(user.id(), step.getAsLong());
            if (ok) {
                users.resetFailures(user.id());
                events.authentication("reauthentication", Outcome.SUCCESS, user.id(), roles(user), actor.sessionRef(),
                        origin, purpose);
            } else {
                fail(user, "reauthentication", "wrong-or-reused-totp", origin, now);
            }
            return ok;
        });
        if (!Boolean.TRUE.equals(accepted)) {
            throttle.addressFailed(origin.address(), now);
            throw new ProblemException(ProblemKind.INVALID_CREDENTIALS, BAD_CREDENTIALS);
        }
    }

    /** Ends the session on the server; the cookie is worthless afterwards. */
    public void signOut(String sessionToken, RequestOrigin origin) {
        String idHash = hashOrNull(sessionToken);
        if (idHash == null) {
            return;
        }
        sessions.find(idHash).ifPresent(session -> events.atomically(() -> {
            if (sessions.delete(idHash)) {
                long now = clock.millis();
                revocations.record(session.userId(), RevocationStore.SESSION, Tokens.reference(idHash), "LOGOUT", now);
                events.authentication("logout", Outcome.SUCCESS, session.userId(),
                        roles(users.findById(session.userId()).orElseThrow()), Tokens.reference(idHash), origin, null);
            }
        }));
    }

    private void fail(UserRow user, String subtype, String reason, RequestOrigin origin, Instant now) {
        int failures = users.recordFailure(user.id(), now.toEpochMilli());
        events.authentication(subtype, Outcome.MINOR_FAILURE, user.id(), roles(user), null, origin, reason);
        if (failures >= settings.lockoutThreshold() && users.lock(user.id(), now.toEpochMilli())) {
            events.authentication("lockout", Outcome.SERIOUS_FAILURE, user.id(), roles(user), null, origin,
                    failures + "-consecutive-failures");
        }
    }

    private static ProblemException throttled(Duration wait) {
        return new ProblemException(ProblemKind.TOO_MANY_REQUESTS,
                "Too many failed sign-in attempts; wait before trying again", wait,
                Map.of("retryAfterSeconds", Math.max(1, wait.toSeconds())));
    }

    static String normalizeRecovery(String code) {
        return code.strip().toLowerCase(java.util.Locale.ROOT);
    }

    static String hashOrNull(String token) {
        return token == null || token.isBlank() ? null : Tokens.sha256(token);
    }

    private static List<String> roles(UserRow user) {
        return user.roles().stream().map(Role::id).sorted().toList();
    }
}
