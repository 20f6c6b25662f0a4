package dev.safeguard.program.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Scheduled review periods are consecutive, weekly ones run Monday to Monday UTC, and bad lengths stop the start. */
class ActivityReviewPeriodsTests {

    @Test
    void weeklyPeriodsRunMondayToMondayUtc() {
        ReviewPeriods weekly = new ReviewPeriods(Duration.ofDays(7));
        ReviewPeriods.Period last = weekly.latestEnded(Instant.parse("2026-11-25T20:00:00Z"));
        assertThat(last.from()).isEqualTo(Instant.parse("2026-11-16T00:00:00Z"));
        assertThat(last.to()).isEqualTo(Instant.parse("2026-11-23T00:00:00Z"));
        assertThat(last.to().atZone(ZoneOffset.UTC).getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(weekly.latestEnded(last.to())).isEqualTo(last);
        assertThat(weekly.latestEnded(last.to().minusMillis(1)).to()).isEqualTo(last.from());
    }

    @Test
    void dailyPeriodsEndAtMidnightUtc() {
        ReviewPeriods.Period last = new ReviewPeriods(Duration.ofDays(1))
                .latestEnded(Instant.parse("2026-11-25T20:00:00Z"));
        assertThat(last).isEqualTo(new ReviewPeriods.Period(Instant.parse("2026-11-24T00:00:00Z"),
                Instant.parse("2026-11-25T00:00:00Z")));
    }

    @Test
    void aPeriodShorterThanAnHourOrLongerThanAQuarter_isRefused() {
        assertThatThrownBy(() -> new ReviewPeriods(Duration.ofMinutes(30)))
                .hasMessageContaining("between 1 hour and 92 days");
        assertThatThrownBy(() -> new ReviewPeriods(Duration.ofDays(93)))
                .hasMessageContaining("between 1 hour and 92 days");
    }
}
