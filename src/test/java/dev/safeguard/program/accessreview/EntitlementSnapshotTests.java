package dev.safeguard.program.accessreview;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An entitlement is unused when nothing happened for longer than the limit since its last activity, or since it
 * began when it was never used (or not since it began); exactly the limit still counts as used.
 */
class EntitlementSnapshotTests {

    static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    @ParameterizedTest(name = "granted {0} days ago, last used {1} days ago (-1: never): unused {2}")
    @CsvSource({
        "200, 89.999, false",
        "200, 90, false",
        "200, 90.001, true",
        "200, -1, true",
        "90, -1, false",
        "90.001, -1, true",
        "10, 150, false",
        "100, 150, true"
    })
    void unusedAfterNinetyDays(double grantedDaysAgo, double lastUsedDaysAgo, boolean unused) {
        Instant granted = NOW.minus(days(grantedDaysAgo));
        Instant last = lastUsedDaysAgo < 0 ? null : NOW.minus(days(lastUsedDaysAgo));
        assertThat(EntitlementSnapshot.unused(granted, last, NOW, Duration.ofDays(90))).isEqualTo(unused);
    }

    private static Duration days(double days) {
        return Duration.ofMillis(Math.round(days * 86_400_000));
    }
}
