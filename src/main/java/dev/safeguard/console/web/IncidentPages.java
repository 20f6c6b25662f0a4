package dev.safeguard.console.web;

import dev.safeguard.shared.DateRange;
import dev.safeguard.program.BreachDeadline;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the incident pages share: a deadline's clock in words, and the parsing of their form fields (times are entered
 * in the organization's time zone, as the deadlines are counted).
 */
final class IncidentPages {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private IncidentPages() {
    }

    /** A deadline with its clock as the tables show it. */
    record DeadlineRow(BreachDeadline deadline, String clock) {
    }

    static List<DeadlineRow> rows(List<BreachDeadline> deadlines) {
        return deadlines.stream().map(d -> new DeadlineRow(d, clock(d))).toList();
    }

    /** "12 days left", "Due today", "Overdue by 3 days", "Met 2026-05-01", "On hold until …". */
    static String clock(BreachDeadline d) {
        if (d == null) {
            return "—";
        }
        return switch (d.status()) {
            case BreachDeadline.MET -> "Met " + d.metOn();
            case BreachDeadline.LATE -> "Met late, " + d.metOn() + " (due " + d.dueOn() + ")";
            case BreachDeadline.OVERDUE -> "Overdue by " + days(-d.daysRemaining());
            case BreachDeadline.ON_HOLD -> "On hold until " + d.heldUntil() + "; " + left(d.daysRemaining());
            default -> left(d.daysRemaining());
        };
    }

    private static String left(long days) {
        return days == 0 ? "Due today" : days(days) + " left";
    }

    private static String days(long days) {
        return days + (days == 1 ? " day" : " days");
    }

    /** A {@code datetime-local} value read in {@code zone}, or {@code null} when blank. */
    static Instant instant(String value, ZoneId zone, String label) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return DateRange.local(value.strip()).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new ProblemException(ProblemKind.VALIDATION, "Enter the " + label + " as a date and time "
                    + "(YYYY-MM-DDTHH:MM)");
        }
    }

    /** The {@code datetime-local} value of an instant in {@code zone}. */
    static String local(Instant instant, ZoneId zone) {
        return instant == null ? "" : LOCAL.format(instant.atZone(zone));
    }

    /** A whole number, or {@code null} when blank. */
    static Long number(String value, String label) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new ProblemException(ProblemKind.VALIDATION, "Enter the " + label + " as a whole number");
        }
    }

    /** Residents per state, one {@code STATE=count} (or {@code STATE count}) per line or comma. */
    static Map<String, Long> states(String value) {
        Map<String, Long> states = new LinkedHashMap<>();
        if (value == null || value.isBlank()) {
            return states;
        }
        for (String part : value.split("[,\\n]")) {
            if (part.isBlank()) {
                continue;
            }
            String[] kv = part.strip().split("\\s*[=:]\\s*|\\s+(?=\\d+$)");
            if (kv.length != 2) {
                throw new ProblemException(ProblemKind.VALIDATION, "Write each state as STATE=count, e.g. CA=12");
            }
            Long count = number(kv[1], "count of " + kv[0]);
            states.merge(kv[0].strip(), count, Long::sum);
        }
        return states;
    }
}
