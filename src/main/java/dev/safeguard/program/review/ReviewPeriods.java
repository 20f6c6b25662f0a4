package dev.safeguard.program.review;

import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The scheduled review periods: consecutive, of length {@code safeguard.program.activity-review-period} (default
 * 7 days, 1 hour to 92 days), counted from Monday 1970-01-05 00:00 UTC, so weekly periods run Monday to Monday UTC.
 */
@Component
public class ReviewPeriods {

    // IMPORTANT: changing the anchor moves every scheduled period and duplicates reviews of overlapping periods.
    static final Instant ANCHOR = Instant.parse("1970-01-05T00:00:00Z");

    /** A half-open period {@code [from, to)}. */
    public record Period(Instant from, Instant to) {
    }

    private final Duration length;

    ReviewPeriods(@Value("${safeguard.program.activity-review-period:7d}") Duration length) {
        if (length.compareTo(Duration.ofHours(1)) < 0 || length.compareTo(Duration.ofDays(92)) > 0) {
            throw new IllegalArgumentException("safeguard.program.activity-review-period must be between 1 hour and "
                    + "92 days; got " + length);
        }
        this.length = length;
    }

    public Duration length() {
        return length;
    }

    /** The latest period that has ended at {@code now}. */
    public Period latestEnded(Instant now) {
        long periods = Math.floorDiv(now.toEpochMilli() - ANCHOR.toEpochMilli(), length.toMillis());
        Instant to = ANCHOR.plusMillis(periods * length.toMillis());
        return new Period(to.minus(length), to);
    }
}
