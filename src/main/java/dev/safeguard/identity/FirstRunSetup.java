package dev.safeguard.identity;

import dev.safeguard.identity.internal.IdentityEvents;
import dev.safeguard.identity.internal.PasswordHashing;
import dev.safeguard.identity.internal.PasswordPolicy;
import dev.safeguard.identity.internal.SetupTokenStore;
import dev.safeguard.identity.internal.Tokens;
import dev.safeguard.identity.internal.UserStore;
import dev.safeguard.identity.internal.Usernames;
import dev.safeguard.platform.OperatorConsole;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import dev.safeguard.shared.SecurityEvent.Action;
import dev.safeguard.shared.SecurityEvent.Agent;
import dev.safeguard.shared.SecurityEvent.Entity;
import dev.safeguard.shared.SecurityEvent.Outcome;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * First-run setup. While no user exists, each start prints a new one-time setup token to standard output (only its
 * digest is stored; it is valid for 24 hours and replaces any earlier one). Presenting it creates the first user, a
 * security officer recorded as the organization's security official (45 CFR 164.308(a)(2)). The token works once,
 * and setup is refused as soon as any user exists.
 */
@Service
public class FirstRunSetup {

    private final UserStore users;
    private final SetupTokenStore tokens;
    private final PasswordPolicy policy;
    private final PasswordHashing hashing;
    private final IdentityEvents events;
    private final IdentitySettings settings;
    private final OperatorConsole console;
    private final Clock clock;

    FirstRunSetup(UserStore users, SetupTokenStore tokens, PasswordPolicy policy, PasswordHashing hashing,
                  IdentityEvents events, IdentitySettings settings, OperatorConsole console, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.policy = policy;
        this.hashing = hashing;
        this.events = events;
        this.settings = settings;
        this.console = console;
        this.clock = clock;
    }

    public boolean needed() {
        return users.count() == 0;
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce(ApplicationReadyEvent ready) {
        // Operator commands run the application without a web server; only the server announces setup.
        if (!(ready.getApplicationContext() instanceof org.springframework.boot.web.server.context.WebServerApplicationContext)
                || !needed()) {
            return;
        }
        String token = Tokens.random(32);
        Instant now = clock.instant();
        Instant expires = now.plus(settings.setupTokenValidity());
        tokens.issue(Tokens.sha256(token), now.toEpochMilli(), expires.toEpochMilli());
        console.println("""

                Safeguard has no users yet. Create the first administrator (the security official) before %s
                with this one-time setup token, in the console at /setup or with POST /api/setup:

                    SAFEGUARD_SETUP_TOKEN=%s
                """.formatted(expires, token));
    }

    /** Creates the first user. */
    public UserView complete(String token, String username, String displayName, String password,
                             RequestOrigin origin) {
        Usernames.require(username);
        String name = displayName == null || displayName.isBlank() ? username : displayName.strip();
        if (name.length() > 100 || name.chars().anyMatch(Character::isISOControl)) {
            throw new ProblemException(ProblemKind.VALIDATION,
                    "The display name must have at most 100 characters and no control characters");
        }
        if (!needed()) {
            refuse(origin, "users-exist");
        }
        String hash = hashing.hash(policy.accept(password, username));
        String id = UUID.randomUUID().toString();
        String outcome = events.atomically(() -> {
            long now = clock.millis();
            if (users.count() > 0) {
                return "users-exist";
            }
            if (token == null || !tokens.consume(Tokens.sha256(token), now)) {
                return "invalid-token";
            }
            users.insert(id, username, name, hash, now, null);
            users.replaceRoles(id, List.of(Role.SECURITY_OFFICER), now, null);
            users.assignSecurityOfficial(id, now, null);
            events.record(IdentityEvents.AUTHENTICATION, "setup", Action.C, Outcome.SUCCESS,
                    new Agent(id, null, List.of(Role.SECURITY_OFFICER.id()), null, origin.address(),
                            origin.userAgent()),
                    new Entity("User", id), null);
            return "created";
        });
        if ("users-exist".equals(outcome)) {
            refuse(origin, outcome);
        }
        if ("invalid-token".equals(outcome)) {
            events.record(IdentityEvents.AUTHENTICATION, "setup", Action.C, Outcome.MINOR_FAILURE,
                    Agent.anonymous(origin.address(), origin.userAgent()), null, "invalid-token");
            throw new ProblemException(ProblemKind.FORBIDDEN,
                    "The setup token is not valid: it is wrong, was used already, or has expired. Restart the "
                            + "server to print a new one.");
        }
        return Accounts.view(users.findById(id).orElseThrow(), id);
    }

    private void refuse(RequestOrigin origin, String reason) {
        events.record(IdentityEvents.AUTHENTICATION, "setup", Action.C, Outcome.MINOR_FAILURE,
                Agent.anonymous(origin.address(), origin.userAgent()), null, reason);
        throw new ProblemException(ProblemKind.SETUP_UNAVAILABLE,
                "Setup is done: users exist already. Sign in instead.");
    }
}
