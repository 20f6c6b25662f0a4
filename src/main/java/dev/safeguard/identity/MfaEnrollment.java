package dev.safeguard.identity;

import dev.safeguard.crypto.SecretSealer;
import dev.safeguard.identity.internal.IdentityEvents;
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
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.springframework.stereotype.Service;

/**
 * TOTP enrollment, which every interactive user completes before reaching anything: start (a new secret, its
 * {@code otpauth://} URI and QR code), then confirm with a code from the app, which finishes sign-in and returns ten
 * recovery codes (stored as SHA-256 digests, each usable once).
 */
@Service
public class MfaEnrollment {

    private final UserStore users;
    private final SessionStore sessions;
    private final SessionIssuer issuer;
    private final TotpCodes totp;
    private final SecretSealer sealer;
    private final IdentityEvents events;
    private final Clock clock;

    MfaEnrollment(UserStore users, SessionStore sessions, SessionIssuer issuer, TotpCodes totp, SecretSealer sealer,
                  IdentityEvents events, Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.issuer = issuer;
        this.totp = totp;
        this.sealer = sealer;
        this.events = events;
        this.clock = clock;
    }

    /** Starts (or restarts) enrollment for the user of an enrollment-stage session. */
    public Enrollment start(String sessionToken, RequestOrigin origin) {
        UserRow user = enrollingUser(sessionToken);
        String secret = totp.newSecret();
        users.setPendingTotp(user.id(), sealer.seal(secret.getBytes(StandardCharsets.US_ASCII), purpose(user.id())),
                clock.millis());
        String account = user.username();
        return new Enrollment(totp.uri(secret, account), totp.qrPng(secret, account), secret);
    }

    /** Confirms enrollment with a code from the authenticator app. */
    public EnrollmentResult confirm(String sessionToken, String code, RequestOrigin origin) {
        UserRow user = enrollingUser(sessionToken);
        Instant now = clock.instant();
        if (user.totpPendingSecret() == null) {
            throw new ProblemException(ProblemKind.CONFLICT, "Start enrollment before confirming it");
        }
        String secret = new String(sealer.open(user.totpPendingSecret(), purpose(user.id())),
                StandardCharsets.US_ASCII);
        OptionalLong step = totp.verify(secret, code, 0, now);
        String idHash = Tokens.sha256(sessionToken);
        if (step.isEmpty()) {
            events.authentication("mfa-enroll", Outcome.MINOR_FAILURE, user.id(), List.of(), Tokens.reference(idHash),
                    origin, "wrong-code");
            throw new ProblemException(ProblemKind.VALIDATION,
                    "The code does not match; check the time on your device and enter the current code");
        }
        List<String> codes = totp.recoveryCodes();
        return events.atomically(() -> {
            if (!users.confirmTotp(user.id(), step.getAsLong(), now.toEpochMilli())) {
                throw new ProblemException(ProblemKind.CONFLICT, "Enrollment was already confirmed");
            }
            users.replaceRecoveryCodes(user.id(), codes.stream().map(Tokens::sha256).toList(), now.toEpochMilli());
            users.resetFailures(user.id());
            SessionTicket ticket = issuer.issue(user.id(), SessionTicket.Stage.AUTHENTICATED, now, origin, idHash);
            events.authentication("mfa-enroll", Outcome.SUCCESS, user.id(),
                    user.roles().stream().map(Role::id).sorted().toList(),
                    Tokens.reference(Tokens.sha256(ticket.token())), origin, null);
            return new EnrollmentResult(ticket, codes);
        });
    }

    private UserRow enrollingUser(String sessionToken) {
        String idHash = sessionToken == null || sessionToken.isBlank() ? null : Tokens.sha256(sessionToken);
        SessionRow session = idHash == null ? null : sessions.find(idHash).orElse(null);
        if (session == null || !SessionRow.ENROLLMENT_REQUIRED.equals(session.stage())
                || session.expiresAt() <= clock.millis()) {
            throw new ProblemException(ProblemKind.AUTHENTICATION_REQUIRED,
                    "Sign in with your username and password to enroll an authenticator");
        }
        UserRow user = users.findById(session.userId()).orElseThrow();
        if (!user.active() || user.mfaEnrolled()) {
            throw new ProblemException(ProblemKind.FORBIDDEN, "This account cannot enroll an authenticator now");
        }
        return user;
    }

    static String purpose(String userId) {
        return "totp:" + userId;
    }
}
