package dev.safeguard.backup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How sizes and durations are written for operators, on both sides of each unit's boundary. */
class CommandOutputTests {

    @ParameterizedTest
    @CsvSource({"0, 0 B", "1023, 1023 B", "1024, 1.0 KiB", "1536, 1.5 KiB", "1048575, 1024.0 KiB",
            "1048576, 1.0 MiB", "5368709120, 5.0 GiB"})
    void sizesUseBinaryUnits(long bytes, String expected) {
        assertThat(CommandOutput.size(bytes)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"0, 0 ms", "999, 999 ms", "1000, 1.0 s", "59999, 60.0 s", "60000, 1 min 0 s", "3599999, 59 min 59 s",
            "3600000, 1 h 0 min", "90061000, 25 h 1 min"})
    void durationsUseTheLargestUsefulUnit(long millis, String expected) {
        assertThat(CommandOutput.duration(millis)).isEqualTo(expected);
    }
}
