package dev.safeguard.program.checks;

import dev.safeguard.identity.IdentityFacts;
import dev.safeguard.identity.IdentitySettings;
import dev.safeguard.program.CheckOutcome;
import dev.safeguard.program.EvaluationCheck;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** Checks of accounts and credentials, read from the identity module's live state. */
@Component
class IdentityChecks implements CheckSource {

    /** Names that say "anyone" rather than a person (HIPAA 164.312(a)(2)(i) wants a unique user per person). */
    static final Pattern GENERIC = Pattern.compile("(admin|administrator|root|test|tester|guest|shared|user|demo|temp"
            + "|frontdesk|front-desk|reception|nurse|doctor|physician|staff|support|service|system|default|clinic"
            + "|office|info)[-_.]?\\d*");
    static final Duration MAX_INACTIVITY = Duration.ofMinutes(15);
    static final Duration MAX_SESSION = Duration.ofHours(12);
    static final Duration MAX_REVOCATION = Duration.ofHours(1);

    private final IdentityFacts facts;
    private final IdentitySettings settings;

    IdentityChecks(IdentityFacts facts, IdentitySettings settings) {
        this.facts = facts;
        this.settings = settings;
    }

    @Override
    public List<EvaluationCheck> checks() {
        return List.of(
                new EvaluationCheck("identity.mfa", "Every interactive user has multi-factor authentication",
                        List.of("164.312(d)"), this::mfa),
                new EvaluationCheck("identity.unique-accounts", "No shared or generic accounts",
                        List.of("164.312(a)(2)(i)"), this::uniqueAccounts),
                new EvaluationCheck("identity.session-timeouts", "Automatic logoff after at most 15 min of "
                        + "inactivity and 12 h in all", List.of("164.312(a)(2)(iii)"), this::sessionTimeouts),
                new EvaluationCheck("identity.termination", "Terminated users hold no session or key, and were "
                        + "revoked within 1 h", List.of("164.308(a)(3)(ii)(C)"), this::termination),
                new EvaluationCheck("identity.password-policy", "Password policy in force (NIST SP 800-63B)",
                        List.of("164.308(a)(5)(ii)(D)"), this::passwordPolicy),
                new EvaluationCheck("identity.expired-api-keys", "No service client holds an expired, unrevoked "
                        + "key", List.of("164.308(a)(4)(ii)(C)"), this::expiredKeys));
    }

    private CheckOutcome mfa() {
        List<IdentityFacts.Account> active = facts.accounts().stream().filter(a -> a.status().equals("active"))
                .toList();
        List<String> without = active.stream().filter(a -> !a.mfaEnrolled()).map(IdentityFacts.Account::id).toList();
        return CheckOutcome.of(without.isEmpty(), "All " + active.size() + " active accounts have a TOTP "
                        + "authenticator", without.size() + " of " + active.size() + " active accounts have no second "
                        + "factor enrolled", Map.of("activeAccounts", active.size(), "withoutMfa", without));
    }

    private CheckOutcome uniqueAccounts() {
        List<String> generic = facts.accounts().stream().filter(a -> a.status().equals("active"))
                .filter(a -> GENERIC.matcher(a.username().toLowerCase()).matches())
                .map(IdentityFacts.Account::username).toList();
        return CheckOutcome.of(generic.isEmpty(), "No active account has a generic or shared name",
                generic.size() + " active accounts have generic names: " + String.join(", ", generic),
                Map.of("genericAccounts", generic));
    }

    private CheckOutcome sessionTimeouts() {
        boolean ok = settings.sessionInactivity().compareTo(MAX_INACTIVITY) <= 0
                && settings.sessionAbsolute().compareTo(MAX_SESSION) <= 0;
        return CheckOutcome.of(ok, "Sessions end after " + settings.sessionInactivity().toMinutes() + " min idle and "
                        + settings.sessionAbsolute().toHours() + " h in all",
                "Sessions last too long: " + settings.sessionInactivity().toMinutes() + " min idle (at most 15), "
                        + settings.sessionAbsolute().toHours() + " h in all (at most 12)",
                Map.of("inactivityMinutes", settings.sessionInactivity().toMinutes(),
                        "absoluteMinutes", settings.sessionAbsolute().toMinutes()));
    }

    private CheckOutcome termination() {
        List<IdentityFacts.Terminated> terminated = facts.terminated();
        List<String> holding = terminated.stream().filter(t -> t.liveSessions() > 0 || t.usableApiKeys() > 0)
                .map(IdentityFacts.Terminated::id).toList();
        List<String> slow = terminated.stream().filter(t -> t.revocationDelay() != null
                && t.revocationDelay().compareTo(MAX_REVOCATION) > 0).map(IdentityFacts.Terminated::id).toList();
        long maxSeconds = terminated.stream().filter(t -> t.revocationDelay() != null)
                .mapToLong(t -> t.revocationDelay().toSeconds()).max().orElse(0);
        return CheckOutcome.of(holding.isEmpty() && slow.isEmpty(), terminated.size() + " terminated accounts hold "
                        + "nothing; the slowest revocation took " + maxSeconds + " s",
                holding.size() + " terminated accounts still hold a session or key; " + slow.size()
                        + " were revoked later than 1 h after termination",
                Map.of("terminated", terminated.size(), "stillHolding", holding, "revokedLate", slow,
                        "slowestRevocationSeconds", maxSeconds));
    }

    private CheckOutcome passwordPolicy() {
        IdentityFacts.PasswordRules rules = facts.passwordRules();
        boolean ok = rules.minLength() >= 8 && rules.maxLength() >= 64 && rules.commonPasswords() >= 10_000;
        return CheckOutcome.of(ok, "Passwords of " + rules.minLength() + " to " + rules.maxLength() + " characters, "
                        + rules.commonPasswords() + " common passwords refused, hashed with " + rules.hashing(),
                "The password policy is weaker than NIST SP 800-63B asks", Map.of("minLength", rules.minLength(),
                        "maxLength", rules.maxLength(), "commonPasswords", rules.commonPasswords(),
                        "hashing", rules.hashing()));
    }

    private CheckOutcome expiredKeys() {
        long expired = facts.expiredUnrevokedApiKeys();
        return CheckOutcome.of(expired == 0, "No expired API key is left unrevoked", expired + " service clients "
                + "have an expired key that was never revoked; revoke them", Map.of("expiredUnrevoked", expired));
    }
}
