package dev.safeguard.identity.internal;

import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Usernames are unique, immutable in meaning, and limited to a safe alphabet so they never need escaping. */
public final class Usernames {

    public static final String PATTERN = "[a-z0-9][a-z0-9._-]{2,63}";
    private static final Pattern VALID = Pattern.compile(PATTERN);

    private Usernames() {
    }

    public static String require(String username) {
        if (username == null || !VALID.matcher(username).matches()) {
            String message = "A username has 3 to 64 characters: lower-case letters, digits, '.', '_' or '-', "
                    + "starting with a letter or digit";
            throw new ProblemException(ProblemKind.VALIDATION, message, null,
                    Map.of("errors", List.of(Map.of("field", "username", "message", message))));
        }
        return username;
    }
}
