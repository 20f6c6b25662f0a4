package dev.safeguard.program;

import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import java.util.Collection;
import java.util.Locale;

/** Validation of the free-text and enumerated fields of the risk register and the inventory, with exact messages. */
final class Fields {

    private Fields() {
    }

    /** The value stripped; refused when blank, longer than {@code max} or holding control characters. */
    static String required(String value, String field, int max) {
        String clean = optional(value, field, max);
        if (clean == null) {
            throw new ProblemException(ProblemKind.VALIDATION, "Give the " + field);
        }
        return clean;
    }

    /** The value stripped, or {@code null} when blank; refused when too long or holding control characters. */
    static String optional(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String clean = value.strip();
        if (clean.length() > max) {
            throw new ProblemException(ProblemKind.VALIDATION, "The " + field + " can have at most " + max
                    + " characters; it has " + clean.length());
        }
        if (clean.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            throw new ProblemException(ProblemKind.VALIDATION, "The " + field + " holds control characters");
        }
        return clean;
    }

    /** The value (lower-cased) if it is one of {@code allowed}, else {@code fallback} when blank; refused otherwise. */
    static String oneOf(String value, String field, Collection<String> allowed, String fallback) {
        if (value == null || value.isBlank()) {
            if (fallback != null) {
                return fallback;
            }
            throw new ProblemException(ProblemKind.VALIDATION, "Give the " + field + ", one of "
                    + String.join(", ", allowed));
        }
        String clean = value.strip().toLowerCase(Locale.ROOT);
        if (!allowed.contains(clean)) {
            throw new ProblemException(ProblemKind.VALIDATION, "The " + field + " must be one of "
                    + String.join(", ", allowed) + "; got '" + abbreviated(clean) + "'");
        }
        return clean;
    }

    static String abbreviated(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
