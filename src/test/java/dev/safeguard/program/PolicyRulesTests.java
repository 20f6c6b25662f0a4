package dev.safeguard.program;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The time rules of policies, table-driven: six-year retention from creation or the end of the last effective period
 * (calendar years, leap days included), the next review date and when it is overdue, when an acknowledgment is due,
 * the acknowledgment threshold, and durations in words for the templates.
 */
class PolicyRulesTests {

    @ParameterizedTest(name = "created {0}, stopped being effective {1}: retained until {2}")
    @CsvSource(nullValues = "-", value = {
            "2020-03-01T10:00:00Z, -,                    2026-03-01T10:00:00Z",
            "2020-03-01T10:00:00Z, 2021-07-15T08:30:00Z, 2027-07-15T08:30:00Z",
            // the later of the two counts, even if the "end" were recorded before creation
            "2021-07-15T08:30:00Z, 2020-03-01T10:00:00Z, 2027-07-15T08:30:00Z",
            // a leap day: six calendar years later there is no 29 February, so the 28th
            "2024-02-29T12:00:00Z, -,                    2030-02-28T12:00:00Z",
            "2019-12-31T23:59:59Z, -,                    2025-12-31T23:59:59Z"})
    void retentionIsSixCalendarYearsFromTheLaterOfCreationAndTheLastEffectiveDate(Instant created, Instant stopped,
                                                                                 Instant until) {
        long retained = PolicyViews.retainUntil(created.toEpochMilli(), stopped == null ? null : stopped.toEpochMilli());
        assertThat(Instant.ofEpochMilli(retained)).isEqualTo(until);
        assertThat(retained - Math.max(created.toEpochMilli(), stopped == null ? 0 : stopped.toEpochMilli()))
                .as("never less than the 2,190 days the database's CHECK demands")
                .isGreaterThanOrEqualTo(Duration.ofDays(2190).toMillis());
    }

    @ParameterizedTest(name = "effective {0}, reviewed {1}, every {2} months: next review {3}")
    @CsvSource(nullValues = "-", value = {
            "2026-01-15T09:00:00Z, -,                    12, 2027-01-15",
            "2026-01-15T09:00:00Z, 2026-06-30T23:00:00Z, 12, 2027-06-30",
            "2026-06-30T23:00:00Z, 2026-01-15T09:00:00Z, 12, 2027-06-30",
            "2026-01-31T09:00:00Z, -,                    1,  2026-02-28",
            "2026-12-31T23:59:59Z, -,                    36, 2029-12-31"})
    void theNextReviewIsTheLaterOfEffectiveDateAndLastReviewPlusTheCadence(Instant effective, Instant reviewed,
                                                                          int months, LocalDate next) {
        assertThat(PolicyViews.nextReviewOn(effective.toEpochMilli(), reviewed == null ? null
                : reviewed.toEpochMilli(), months)).isEqualTo(next);
    }

    @ParameterizedTest(name = "review on {0}, today {1}: overdue {2}")
    @CsvSource({"2027-01-15, 2027-01-14, false", "2027-01-15, 2027-01-15, false", "2027-01-15, 2027-01-16, true"})
    void aReviewIsOverdueOnlyAfterItsDate(LocalDate next, LocalDate today, boolean overdue) {
        assertThat(PolicyViews.reviewOverdue(next, today)).isEqualTo(overdue);
    }

    @ParameterizedTest(name = "effective {0}, account created {1}: due {2}")
    @CsvSource(nullValues = "-", value = {
            "2026-03-01T00:00:00Z, 2020-01-01T00:00:00Z, 2026-03-31T00:00:00Z",
            "2026-03-01T00:00:00Z, 2026-03-10T12:00:00Z, 2026-04-09T12:00:00Z",
            "2026-03-01T00:00:00Z, -,                    2026-03-31T00:00:00Z"})
    void anAcknowledgmentIsDueThirtyDaysAfterTheLaterOfTheEffectiveDateAndTheAccount(Instant effective,
                                                                                    Instant created, Instant due) {
        assertThat(PolicyViews.due(effective.toEpochMilli(), created, Duration.ofDays(30))).isEqualTo(due);
    }

    @ParameterizedTest(name = "{0} % acknowledged, {1} overdue, threshold {2}: met {3}")
    @CsvSource({"95.0, 3, 95, true", "94.99, 3, 95, false", "94.99, 0, 95, true", "0.0, 0, 95, true",
            "100.0, 0, 100, true", "99.99, 1, 100, false"})
    void coverageMeetsTheThresholdOrNobodyIsOverdue(double percent, int overdue, int threshold, boolean met) {
        PolicyCoverage coverage = new PolicyCoverage("p", 1, 0, 0, percent, List.of(),
                java.util.Collections.nCopies(overdue, "u"));
        assertThat(PolicyAcknowledgments.meets(coverage, threshold)).isEqualTo(met);
    }

    @ParameterizedTest(name = "{0} reads {1}")
    @CsvSource({"PT15M, 15 minutes", "PT1M, 1 minute", "PT60M, 60 minutes", "PT90M, 90 minutes", "PT4H, 4 hours",
            "PT12H, 12 hours", "PT72H, 72 hours", "PT96H, 96 hours", "P30D, 30 days", "PT121M, 121 minutes"})
    void durationsReadAsTheyWouldInAPolicy(Duration duration, String words) {
        assertThat(PolicyTemplates.words(duration)).isEqualTo(words);
    }
}
