package dev.safeguard.console.web;

import dev.safeguard.identity.Workforce;
import dev.safeguard.identity.Workforce.Member;
import dev.safeguard.program.AccessReviewChange;
import dev.safeguard.program.AccessReviewItem;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Access-review items as the console shows them: who the subject and the reviewer are (username and display name
 * instead of ids) and the entitlement and any modification in words. Times in UTC.
 */
final class AccessReviewRows {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** One item with the names and words the pages show. */
    record Row(AccessReviewItem item, String subject, String subjectName, String reviewer, String entitlement,
               String change) {
    }

    private final Map<String, Member> members;

    AccessReviewRows(Workforce workforce) {
        this.members = workforce.members().stream().collect(Collectors.toMap(Member::id, Function.identity()));
    }

    List<Row> of(List<AccessReviewItem> items) {
        return items.stream().map(this::of).toList();
    }

    Row of(AccessReviewItem i) {
        Member subject = members.get(i.subjectUserId());
        return new Row(i, subject == null ? i.subjectUserId() : subject.username(),
                subject == null ? "" : subject.displayName(), i.reviewerId() == null ? "nobody (unassigned)"
                : username(i.reviewerId()), entitlement(i), change(i.modification()));
    }

    String username(String userId) {
        Member m = userId == null ? null : members.get(userId);
        return m == null ? String.valueOf(userId) : m.username();
    }

    static String entitlement(AccessReviewItem i) {
        return switch (i.kind()) {
            case AccessReviewItem.ROLE -> "Role " + i.role();
            case AccessReviewItem.CARE_TEAM -> "Care team of Patient/" + i.patientId() + " since "
                    + MINUTE.format(i.assignmentStartsAt()) + (i.assignmentEndsAt() == null ? ", open-ended"
                    : ", until " + MINUTE.format(i.assignmentEndsAt()));
            default -> "Service client " + i.clientName() + " (" + i.clientId() + "): " + String.join(", ",
                    i.clientScopes()) + (i.clientPatients() == 0 ? "" : "; " + i.clientPatients()
                    + " allow-listed patients") + "; expires " + DAY.format(i.clientExpiresAt());
        };
    }

    static String change(AccessReviewChange c) {
        if (c == null) {
            return null;
        }
        if (c.role() != null) {
            return "Replaced by role " + c.role();
        }
        if (c.endsAt() != null) {
            return "Ends " + MINUTE.format(c.endsAt());
        }
        return (c.scopes() == null ? "" : "Scopes " + String.join(", ", c.scopes()))
                + (c.scopes() != null && c.expiresAt() != null ? "; " : "")
                + (c.expiresAt() == null ? "" : "expires " + MINUTE.format(c.expiresAt()));
    }

    /** The start of a {@code date} input's day in UTC, or {@code null} when blank. */
    static Instant startOfDay(String value, String label) {
        java.time.LocalDate day = ProgramPages.date(value, label);
        return day == null ? null : day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    static String formatted(Instant instant) {
        return instant == null ? "never" : MINUTE.format(instant);
    }
}
