package dev.safeguard.program.accessreview;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * The review cycles: consecutive runs of {@code months} UTC calendar months counted from January, so a cadence of 3
 * gives the calendar quarters, 6 the halves and 12 the years. A scheduled campaign opens at the start of each cycle.
 */
public final class ReviewCycles {

    private ReviewCycles() {
    }

    /** The start (00:00 UTC on the first day) of the cycle that holds {@code at}. */
    public static Instant start(Instant at, int months) {
        ZonedDateTime utc = at.atZone(ZoneOffset.UTC);
        int first = (utc.getMonthValue() - 1) / months * months + 1;
        return YearMonth.of(utc.getYear(), first).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The start of the cycle after the one that starts at {@code start}. */
    public static Instant next(Instant start, int months) {
        return start.atZone(ZoneOffset.UTC).plusMonths(months).toInstant();
    }

    /** A name for the cycle that starts at {@code start}: {@code 2026-Q2}, {@code 2026-H1}, {@code 2026}, {@code 2026-05}. */
    public static String label(Instant start, int months) {
        ZonedDateTime utc = start.atZone(ZoneOffset.UTC);
        int index = (utc.getMonthValue() - 1) / months + 1;
        return switch (months) {
            case 12 -> Integer.toString(utc.getYear());
            case 6 -> utc.getYear() + "-H" + index;
            case 3 -> utc.getYear() + "-Q" + index;
            case 4 -> utc.getYear() + "-T" + index;
            default -> YearMonth.from(utc).toString() + (months == 1 ? "" : " (" + months + " months)");
        };
    }
}
