package dev.safeguard.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Session limits are validated at start-up against NIST SP 800-63B-4 (AAL2: at most 1 h idle, 24 h overall). */
class IdentitySettingsTests {

    @Test
    void defaultsAre15MinutesIdleAnd12HoursOverall() {
        IdentitySettings settings = new IdentitySettings(null, null, 0, 0, 0, null);
        assertThat(settings.sessionInactivity()).isEqualTo(Duration.ofMinutes(15));
        assertThat(settings.sessionAbsolute()).isEqualTo(Duration.ofHours(12));
        assertThat(settings.lockoutThreshold()).isEqualTo(100);
    }

    @Test
    void inactivityOverOneHour_isRefused() {
        assertThatThrownBy(() -> new IdentitySettings(Duration.ofMinutes(61), null, 0, 0, 0, null))
                .hasMessageContaining("between 1 minute and 1 hour");
    }

    @Test
    void absoluteLifetimeOver24Hours_isRefused() {
        assertThatThrownBy(() -> new IdentitySettings(null, Duration.ofHours(25), 0, 0, 0, null))
                .hasMessageContaining("at most 24 hours");
    }

    @Test
    void lockoutThresholdOver100_isRefused() {
        assertThatThrownBy(() -> new IdentitySettings(null, null, 0, 0, 101, null))
                .hasMessageContaining("at most 100");
    }
}
