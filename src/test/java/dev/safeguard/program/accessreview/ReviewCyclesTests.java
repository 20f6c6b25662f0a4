package dev.safeguard.program.accessreview;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Review cycles are runs of UTC calendar months counted from January: quarters, halves, years, single months. */
class ReviewCyclesTests {

    @ParameterizedTest(name = "{0} with a {1}-month cadence is in the cycle {2} ({3}), the next starting {4}")
    @CsvSource({
        "2026-01-01T00:00:00Z, 3, 2026-01-01T00:00:00Z, 2026-Q1, 2026-04-01T00:00:00Z",
        "2026-03-31T23:59:59.999Z, 3, 2026-01-01T00:00:00Z, 2026-Q1, 2026-04-01T00:00:00Z",
        "2026-04-01T00:00:00Z, 3, 2026-04-01T00:00:00Z, 2026-Q2, 2026-07-01T00:00:00Z",
        "2026-12-31T23:59:59Z, 3, 2026-10-01T00:00:00Z, 2026-Q4, 2027-01-01T00:00:00Z",
        "2028-02-29T12:00:00Z, 1, 2028-02-01T00:00:00Z, 2028-02, 2028-03-01T00:00:00Z",
        "2026-06-30T23:59:59Z, 6, 2026-01-01T00:00:00Z, 2026-H1, 2026-07-01T00:00:00Z",
        "2026-07-01T00:00:00Z, 6, 2026-07-01T00:00:00Z, 2026-H2, 2027-01-01T00:00:00Z",
        "2026-08-15T08:00:00Z, 12, 2026-01-01T00:00:00Z, 2026, 2027-01-01T00:00:00Z",
        "2026-05-15T08:00:00Z, 4, 2026-05-01T00:00:00Z, 2026-T2, 2026-09-01T00:00:00Z",
        "2026-04-15T08:00:00Z, 2, 2026-03-01T00:00:00Z, 2026-03 (2 months), 2026-05-01T00:00:00Z"
    })
    void cyclesStartOnTheFirstOfTheirMonthUtc(Instant at, int months, Instant start, String label, Instant next) {
        assertThat(ReviewCycles.start(at, months)).isEqualTo(start);
        assertThat(ReviewCycles.label(start, months)).isEqualTo(label);
        assertThat(ReviewCycles.next(start, months)).isEqualTo(next);
        assertThat(ReviewCycles.start(next.minusMillis(1), months)).as("the last instant of the cycle").isEqualTo(start);
        assertThat(ReviewCycles.start(next, months)).as("the first instant of the next").isEqualTo(next);
    }
}
