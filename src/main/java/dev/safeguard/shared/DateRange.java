package dev.safeguard.shared;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * The dates and times Safeguard accepts from people and clients: the years 0001 to 9999. java.time parses years of
 * ±999,999,999, whose epoch milliseconds overflow a {@code long} where they are stored.
 */
public final class DateRange {

    /** The detail of the 400 a date outside the range gets. */
    public static final String DETAIL = "A date or time in the request is outside the years 0001 to 9999";
    private static final int FIRST_YEAR = 1;
    private static final int LAST_YEAR = 9999;

    private DateRange() {
    }

    /** Whether a date or time lies within the years 0001 to 9999 (an instant in UTC); other values are. */
    public static boolean contains(Object value) {
        TemporalAccessor t = value instanceof Instant i ? i.atOffset(ZoneOffset.UTC)
                : value instanceof TemporalAccessor a ? a : null;
        if (t == null || !t.isSupported(ChronoField.YEAR)) {
            return true;
        }
        int year = t.get(ChronoField.YEAR);
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }

    /**
     * A form's {@code datetime-local} value ({@code 2026-01-31T14:30}) within the range.
     *
     * @throws DateTimeParseException when it is not one, or lies outside the years 0001 to 9999
     */
    public static LocalDateTime local(String value) {
        LocalDateTime time = LocalDateTime.parse(value);
        if (!contains(time)) {
            throw new DateTimeParseException(DETAIL, value, 0);
        }
        return time;
    }
}
