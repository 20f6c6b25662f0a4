package dev.safeguard.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DateRangeTests {

    @ParameterizedTest
    @ValueSource(strings = {"0001-01-01T00:00:00Z", "1970-01-01T00:00:00Z", "9999-12-31T23:59:59.999Z"})
    void instantsFromTheYear0001To9999AreInRange(String value) {
        assertThat(DateRange.contains(Instant.parse(value))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-300000000-01-01T00:00:00Z", "0000-12-31T23:59:59Z", "+10000-01-01T00:00:00Z"})
    void instantsOutsideAreNot_andWouldHaveOverflowedOrLeftFourDigits(String value) {
        assertThat(DateRange.contains(Instant.parse(value))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"+999999999-12-31", "-999999999-01-01", "0000-06-01", "+10000-01-01"})
    void datesOutsideAreNot(String value) {
        assertThat(DateRange.contains(LocalDate.parse(value))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"+999999999-12-31T00:00", "-300000000-01-01T10:00", "not a time"})
    void aFormTimeOutsideTheRangeIsNotParsed_isRefused(String value) {
        assertThatThrownBy(() -> DateRange.local(value)).isInstanceOf(DateTimeParseException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-01-31T14:30", "9999-12-31T23:59"})
    void aFormTimeInsideIsParsed(String value) {
        assertThat(DateRange.local(value)).isEqualTo(LocalDateTime.parse(value));
    }
}
