package dev.safeguard.program.accessreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Access-review settings default to a quarterly cadence, 14 days to decide and 90 days to unused; bad ones stop the start. */
class AccessReviewSettingsTests {

    @Test
    void defaults() {
        AccessReviewSettings s = new AccessReviewSettings(null, null, null, null, null);
        assertThat(s.cadenceMonths()).isEqualTo(3);
        assertThat(s.due()).isEqualTo(Duration.ofDays(14));
        assertThat(s.unusedAfter()).isEqualTo(Duration.ofDays(90));
        assertThat(s.checkInterval()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void valuesOutsideTheirRange_areRefusedWithTheRange() {
        assertThatThrownBy(() -> new AccessReviewSettings(5, null, null, null, null))
                .hasMessageContaining("cadence-months must be one of [1, 2, 3, 4, 6, 12]").hasMessageContaining("5");
        assertThatThrownBy(() -> new AccessReviewSettings(null, Duration.ofHours(12), null, null, null))
                .hasMessageContaining("due must be between 1 and 92 days");
        assertThatThrownBy(() -> new AccessReviewSettings(null, Duration.ofDays(93), null, null, null))
                .hasMessageContaining("due must be between 1 and 92 days");
        assertThatThrownBy(() -> new AccessReviewSettings(null, null, Duration.ofDays(6), null, null))
                .hasMessageContaining("unused-after must be between 7 and 730 days");
        assertThatThrownBy(() -> new AccessReviewSettings(null, null, null, Duration.ofSeconds(30), null))
                .hasMessageContaining("check-interval must be between 1 minute and 24 hours");
        assertThatThrownBy(() -> new AccessReviewSettings(null, null, null, null, Duration.ofMinutes(-1)))
                .hasMessageContaining("first-delay must not be negative");
    }
}
