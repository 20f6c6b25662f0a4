package dev.safeguard.console.web;

import dev.safeguard.shared.DateRange;
import dev.safeguard.audit.AuditQuery;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The audit event search form as typed. Every field stays text, so a refused search is shown again as entered with
 * the reason. Times are UTC, the zone every console page shows ({@code datetime-local} carries none); a {@code to}
 * typed to the minute includes that whole minute.
 */
record EventSearch(String from, String to, String user, String client, String patient, String action,
                   String outcome, String type, String page, String size) {

    static final int DEFAULT_SIZE = 50;

    /** The search this form asks for; a bad field is refused with a message that says how to fix it. */
    AuditQuery query() {
        return new AuditQuery(instant(from, "From", false), instant(to, "To", true), text(user), text(client),
                text(patient), text(action), text(outcome), text(type), null, number(page, 0, "Page"),
                number(size, DEFAULT_SIZE, "Page size"));
    }

    /** Whether any criterion was typed (paging alone does not count). */
    boolean hasCriteria() {
        return criteria().values().stream().anyMatch(v -> v != null);
    }

    /** The link to another page of the same search, carrying only the criteria typed. */
    String pageLink(int target, int pageSize) {
        StringJoiner query = new StringJoiner("&", "/audit/events?", "");
        criteria().forEach((name, value) -> {
            if (value != null) {
                query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return query.add("page=" + target).add("size=" + pageSize).toString();
    }

    private Map<String, String> criteria() {
        Map<String, String> criteria = new LinkedHashMap<>();
        criteria.put("from", text(from));
        criteria.put("to", text(to));
        criteria.put("user", text(user));
        criteria.put("client", text(client));
        criteria.put("patient", text(patient));
        criteria.put("action", text(action));
        criteria.put("outcome", text(outcome));
        criteria.put("type", text(type));
        return criteria;
    }

    static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A {@code datetime-local} value in UTC; {@code endOfMinute} makes a "to" without seconds include its minute. */
    static Instant instant(String value, String label, boolean endOfMinute) {
        String typed = text(value);
        if (typed == null) {
            return null;
        }
        try {
            Instant instant = DateRange.local(typed).toInstant(ZoneOffset.UTC);
            return endOfMinute && typed.length() == "2026-01-31T14:30".length()
                    ? instant.plusSeconds(60).minusMillis(1) : instant;
        } catch (DateTimeParseException e) {
            throw new ProblemException(ProblemKind.VALIDATION, label + " must be a date and time such as "
                    + "2026-01-31T14:30 (UTC)");
        }
    }

    private static int number(String value, int fallback, String label) {
        String typed = text(value);
        if (typed == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(typed);
        } catch (NumberFormatException e) {
            throw new ProblemException(ProblemKind.VALIDATION, label + " must be a whole number");
        }
    }
}
