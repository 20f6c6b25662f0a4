package dev.safeguard.identity.internal;

import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Password rules of NIST SP 800-63B-4 for a password that is one factor of MFA: at least 8 characters, up to 256
 * accepted (the guideline asks for at least 64), no composition rules, never truncated, Unicode-normalized (NFKC),
 * refused when it is a commonly used password or the username.
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 256;

    private final CommonPasswords common = CommonPasswords.load();

    /** How many common passwords are refused. */
    public int commonPasswordCount() {
        return common.size();
    }

    /**
     * Returns the normalized password, the form that is hashed and verified.
     *
     * @throws ProblemException (validation) saying which rule the password breaks, without echoing it
     */
    public String accept(String password, String username) {
        String normalized = normalize(password);
        int length = normalized.codePointCount(0, normalized.length());
        String problem = null;
        if (length < MIN_LENGTH) {
            problem = "The password must have at least " + MIN_LENGTH + " characters";
        } else if (length > MAX_LENGTH) {
            problem = "The password must have at most " + MAX_LENGTH + " characters";
        } else if (common.contains(normalized)) {
            problem = "The password is on the list of commonly used passwords; choose another";
        } else if (username != null && normalized.toLowerCase(Locale.ROOT).equals(username.toLowerCase(Locale.ROOT))) {
            problem = "The password must not be the username";
        }
        if (problem != null) {
            throw new ProblemException(ProblemKind.VALIDATION, problem, null,
                    Map.of("errors", List.of(Map.of("field", "password", "message", problem))));
        }
        return normalized;
    }

    /** The form in which passwords are hashed and compared. */
    public static String normalize(String password) {
        return Normalizer.normalize(password == null ? "" : password, Normalizer.Form.NFKC);
    }

    int blocklistSize() {
        return common.size();
    }
}
