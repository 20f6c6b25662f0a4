package dev.safeguard.program.accessreview;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Access-review settings, validated and frozen at start-up.
 *
 * @param cadenceMonths how often a campaign opens by itself, in UTC calendar months counted from January (default 3:
 *                      quarterly; one of 1, 2, 3, 4, 6, 12)
 * @param due           how long reviewers have after a campaign opens (default 14 days; 1 to 92 days)
 * @param unusedAfter   an entitlement with no activity for longer than this is flagged unused (default 90 days; 7 to
 *                      730 days); one never used counts once it is that old
 * @param checkInterval how often the schedule looks for a cycle without a campaign and for overdue campaigns
 *                      (default 1 h; 1 minute to 24 h)
 * @param firstDelay    from start-up to the schedule's first look (default 1 h)
 */
@ConfigurationProperties("safeguard.program.access-review")
public record AccessReviewSettings(Integer cadenceMonths, Duration due, Duration unusedAfter, Duration checkInterval,
                                   Duration firstDelay) {

    static final List<Integer> CADENCES = List.of(1, 2, 3, 4, 6, 12);

    public AccessReviewSettings {
        cadenceMonths = cadenceMonths == null ? 3 : cadenceMonths;
        due = due == null ? Duration.ofDays(14) : due;
        unusedAfter = unusedAfter == null ? Duration.ofDays(90) : unusedAfter;
        checkInterval = checkInterval == null ? Duration.ofHours(1) : checkInterval;
        firstDelay = firstDelay == null ? Duration.ofHours(1) : firstDelay;
        if (!CADENCES.contains(cadenceMonths)) {
            throw new IllegalArgumentException("safeguard.program.access-review.cadence-months must be one of "
                    + CADENCES + " (months that divide a year); got " + cadenceMonths);
        }
        if (due.compareTo(Duration.ofDays(1)) < 0 || due.compareTo(Duration.ofDays(92)) > 0) {
            throw new IllegalArgumentException("safeguard.program.access-review.due must be between 1 and 92 days; "
                    + "got " + due);
        }
        if (unusedAfter.compareTo(Duration.ofDays(7)) < 0 || unusedAfter.compareTo(Duration.ofDays(730)) > 0) {
            throw new IllegalArgumentException("safeguard.program.access-review.unused-after must be between 7 and "
                    + "730 days; got " + unusedAfter);
        }
        if (checkInterval.compareTo(Duration.ofMinutes(1)) < 0 || checkInterval.compareTo(Duration.ofHours(24)) > 0) {
            throw new IllegalArgumentException("safeguard.program.access-review.check-interval must be between 1 "
                    + "minute and 24 hours; got " + checkInterval);
        }
        if (firstDelay.isNegative()) {
            throw new IllegalArgumentException("safeguard.program.access-review.first-delay must not be negative; got "
                    + firstDelay);
        }
    }
}
