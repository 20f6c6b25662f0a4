package dev.safeguard.program.risk;

import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The format of Security Rule standard and implementation specification ids as the regulation cites them:
 * {@code 164.3xx(a)} followed by an optional paragraph number, roman numeral and capital letter, e.g.
 * {@code 164.312(b)}, {@code 164.312(a)(1)}, {@code 164.312(a)(2)(iv)}, {@code 164.308(a)(1)(ii)(A)}. Only the format
 * is checked: the catalog of specifications is kept elsewhere in the program module.
 */
public final class SpecificationIds {

    static final Pattern FORMAT = Pattern.compile(
            "164\\.3(06|08|10|12|14|16)\\([a-z]\\)(\\(\\d{1,2}\\)(\\((i|ii|iii|iv|v|vi|vii)\\)(\\([A-Z]\\))?)?)?");
    static final int MAX = 50;

    private SpecificationIds() {
    }

    public static boolean valid(String id) {
        return id != null && FORMAT.matcher(id).matches();
    }

    /** The ids stripped, without blanks and duplicates, in the given order; refused naming the first bad one. */
    public static List<String> validated(List<String> ids) {
        List<String> clean = new ArrayList<>();
        for (String id : ids == null ? List.<String>of() : ids) {
            String value = id == null ? "" : id.strip();
            if (value.isEmpty() || clean.contains(value)) {
                continue;
            }
            if (!valid(value)) {
                throw new ProblemException(ProblemKind.VALIDATION, "'" + (value.length() > 40 ? value.substring(0, 40)
                        + "…" : value) + "' is not a Security Rule specification id; write it as the regulation "
                        + "does, e.g. 164.312(a)(1) or 164.308(a)(1)(ii)(A)");
            }
            clean.add(value);
        }
        if (clean.size() > MAX) {
            throw new ProblemException(ProblemKind.VALIDATION, "A risk lists at most " + MAX + " controls");
        }
        return clean;
    }

    /** Splits a space- or comma-separated list. */
    public static List<String> split(String text) {
        return text == null || text.isBlank() ? List.of() : List.of(text.strip().split("[\\s,;]+"));
    }
}
