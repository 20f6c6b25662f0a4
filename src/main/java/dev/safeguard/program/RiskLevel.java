package dev.safeguard.program;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import java.util.Arrays;
import java.util.Locale;

/**
 * The NIST SP 800-30 Rev. 1 five-level qualitative scale, used for likelihood, impact and risk level, and the
 * Table I-2 lookup that turns a likelihood and an impact into a level of risk.
 *
 * <p>Guarantee: {@link #of(RiskLevel, RiskLevel)} is a table lookup that reproduces Table I-2 cell by cell; it is not
 * a product or sum of scores (Table I-2 is not symmetric: a very-high likelihood of a very-low impact is very low,
 * while a low likelihood of a very-high impact is moderate).
 */
public enum RiskLevel {
    VERY_LOW("very-low", "Very low"),
    LOW("low", "Low"),
    MODERATE("moderate", "Moderate"),
    HIGH("high", "High"),
    VERY_HIGH("very-high", "Very high");

    /**
     * NIST SP 800-30 Rev. 1 Table I-2, rows by likelihood (very low to very high), columns by impact (very low to
     * very high). IMPORTANT: copied from the standard; change it only if the standard changes.
     */
    private static final RiskLevel[][] TABLE_I_2 = {
            /* likelihood very low  */ {VERY_LOW, VERY_LOW, VERY_LOW, LOW, LOW},
            /* likelihood low       */ {VERY_LOW, LOW, LOW, LOW, MODERATE},
            /* likelihood moderate  */ {VERY_LOW, LOW, MODERATE, MODERATE, HIGH},
            /* likelihood high      */ {VERY_LOW, LOW, MODERATE, HIGH, VERY_HIGH},
            /* likelihood very high */ {VERY_LOW, LOW, MODERATE, HIGH, VERY_HIGH},
    };

    private final String id;
    private final String label;

    RiskLevel(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The stable identifier used in the API, CSV files and the database, e.g. {@code very-high}. */
    @JsonValue
    public String id() {
        return id;
    }

    /** The name people read, e.g. {@code Very high}. */
    public String label() {
        return label;
    }

    /** The level of risk of a threat with this likelihood and impact, by Table I-2. */
    public static RiskLevel of(RiskLevel likelihood, RiskLevel impact) {
        return TABLE_I_2[likelihood.ordinal()][impact.ordinal()];
    }

    /**
     * Parses an identifier ({@code very-low} … {@code very-high}; case, spaces and underscores are tolerated).
     *
     * @throws ProblemException (validation) naming the field when the value is not on the scale
     */
    public static RiskLevel parse(String value, String field) {
        String normalized = value == null ? "" : value.strip().toLowerCase(Locale.ROOT).replace('_', '-')
                .replace(' ', '-');
        return Arrays.stream(values()).filter(l -> l.id.equals(normalized)).findFirst()
                .orElseThrow(() -> new ProblemException(ProblemKind.VALIDATION, "The " + field + " must be one of "
                        + "very-low, low, moderate, high, very-high"));
    }

    @Override
    public String toString() {
        return id;
    }
}
