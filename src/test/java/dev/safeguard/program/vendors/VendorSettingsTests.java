package dev.safeguard.program.vendors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safeguard.program.VendorSettings;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The vendor settings' defaults, and the start-up refusal of each bad value with a message naming the setting. */
class VendorSettingsTests {

    @Test
    void defaultsAre60_30And7DaysHourlyAnd30SecondCache() {
        VendorSettings settings = new VendorSettings(null, null, null, null);
        assertThat(settings.reminderDays()).containsExactly(60, 30, 7);
        assertThat(settings.reminderInterval()).isEqualTo(Duration.ofHours(1));
        assertThat(settings.gateCacheTtl()).isEqualTo(Duration.ofSeconds(30));
        assertThat(new VendorSettings(List.of(14, 90), null, null, Duration.ZERO).reminderDays())
                .containsExactly(90, 14);
    }

    @Test
    void badValuesStopTheStart_fails() {
        assertThatThrownBy(() -> new VendorSettings(List.of(30, 30), null, null, null))
                .hasMessageContaining("reminder-days");
        assertThatThrownBy(() -> new VendorSettings(List.of(0), null, null, null)).hasMessageContaining("reminder-days");
        assertThatThrownBy(() -> new VendorSettings(List.of(400), null, null, null))
                .hasMessageContaining("reminder-days");
        assertThatThrownBy(() -> new VendorSettings(List.of(1, 2, 3, 4, 5, 6), null, null, null))
                .hasMessageContaining("reminder-days");
        assertThatThrownBy(() -> new VendorSettings(Arrays.asList(7, null), null, null, null))
                .hasMessageContaining("reminder-days");
        assertThatThrownBy(() -> new VendorSettings(null, Duration.ofSeconds(5), null, null))
                .hasMessageContaining("reminder-interval");
        assertThatThrownBy(() -> new VendorSettings(null, null, Duration.ofSeconds(-1), null))
                .hasMessageContaining("reminder-first-delay");
        assertThatThrownBy(() -> new VendorSettings(null, null, null, Duration.ofMinutes(6)))
                .hasMessageContaining("gate-cache-ttl");
    }
}
