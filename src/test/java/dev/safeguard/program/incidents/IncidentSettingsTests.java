package dev.safeguard.program.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The incident settings are checked at start-up, with messages that say what to fix; defaults are safe. */
class IncidentSettingsTests {

    @Test
    void defaultsAreUtcCoveredEntityThreeDaysTenDaysHourly() {
        IncidentSettings s = new IncidentSettings(null, null, null, null, null, null);
        assertThat(s.zone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(s.organizationRole()).isEqualTo("covered-entity");
        assertThat(s.triageWithin()).isEqualTo(Duration.ofDays(3));
        assertThat(s.reminderDays()).isEqualTo(10);
        assertThat(s.deadlineCheck()).isEqualTo(Duration.ofHours(1));
        assertThat(new IncidentSettings("America/Chicago", "business-associate", null, 0, null, null).zone())
                .isEqualTo(ZoneId.of("America/Chicago"));
    }

    @Test
    void badValuesStopTheStart_fails() {
        assertThatThrownBy(() -> new IncidentSettings("Mars/Olympus", null, null, null, null, null))
                .hasMessageContaining("time-zone").hasMessageContaining("Mars/Olympus");
        assertThatThrownBy(() -> new IncidentSettings(null, "hospital", null, null, null, null))
                .hasMessageContaining("organization-role");
        assertThatThrownBy(() -> new IncidentSettings(null, null, Duration.ofDays(31), null, null, null))
                .hasMessageContaining("triage-within");
        assertThatThrownBy(() -> new IncidentSettings(null, null, null, 60, null, null))
                .hasMessageContaining("reminder-days");
        assertThatThrownBy(() -> new IncidentSettings(null, null, null, null, Duration.ofSeconds(1), null))
                .hasMessageContaining("deadline-check");
    }
}
