package dev.safeguard.program.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguard.program.training.Cadence.Module;
import dev.safeguard.program.training.Cadence.Past;
import dev.safeguard.program.training.Cadence.Planned;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The training cadence, table-driven: at hire, annual, both sides of every date, leap days and year ends. */
class TrainingCadenceTests {

    static final Module BOTH = new Module(true, true);
    static final Module AT_HIRE_ONLY = new Module(true, false);
    static final Module ANNUAL_ONLY = new Module(false, true);
    static final Module ON_REQUEST = new Module(false, false);
    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    static Stream<Arguments> cases() {
        return Stream.of(
                // name, module, hire date, history, today, expected (null: nothing)
                Arguments.of("new hire: due 30 days after the hire date", BOTH, TODAY, List.of(), TODAY,
                        new Planned("at-hire", TODAY.plusDays(30))),
                Arguments.of("hired next month: due 30 days after that", BOTH, LocalDate.of(2026, 4, 1), List.of(),
                        TODAY, new Planned("at-hire", LocalDate.of(2026, 5, 1))),
                Arguments.of("long-serving member entered now: due 30 days from today", BOTH,
                        LocalDate.of(2012, 6, 1), List.of(), TODAY, new Planned("at-hire", TODAY.plusDays(30))),
                Arguments.of("an open assignment: nothing new", BOTH, TODAY, List.of(past("2026-04-09", null, false)),
                        TODAY, null),
                Arguments.of("a cancelled one counts as never made", AT_HIRE_ONLY, TODAY,
                        List.of(past("2026-04-09", null, true)), TODAY, new Planned("at-hire", TODAY.plusDays(30))),
                Arguments.of("at-hire only and done: never again", AT_HIRE_ONLY, TODAY,
                        List.of(past("2026-04-09", "2026-03-20T10:00:00Z", false)), LocalDate.of(2030, 1, 1), null),
                Arguments.of("annual: 31 days before the anniversary, not yet", BOTH, TODAY,
                        List.of(past("2026-04-09", "2026-03-20T10:00:00Z", false)), LocalDate.of(2027, 2, 17), null),
                Arguments.of("annual: 30 days before the anniversary, created", BOTH, TODAY,
                        List.of(past("2026-04-09", "2026-03-20T10:00:00Z", false)), LocalDate.of(2027, 2, 18),
                        new Planned("annual", LocalDate.of(2027, 3, 20))),
                Arguments.of("annual follows the last completion, late or not", BOTH, TODAY,
                        List.of(past("2026-04-09", "2026-03-20T10:00:00Z", false),
                                past("2027-03-20", "2027-05-02T23:59:59Z", false)), LocalDate.of(2028, 4, 2),
                        new Planned("annual", LocalDate.of(2028, 5, 2))),
                Arguments.of("completed on 29 February: due 28 February", BOTH, TODAY,
                        List.of(past("2028-03-01", "2028-02-29T08:00:00Z", false)), LocalDate.of(2029, 2, 1),
                        new Planned("annual", LocalDate.of(2029, 2, 28))),
                Arguments.of("completed on 31 December at 23:59 UTC: due the next 31 December", BOTH, TODAY,
                        List.of(past("2027-01-05", "2026-12-31T23:59:59Z", false)), LocalDate.of(2027, 12, 1),
                        new Planned("annual", LocalDate.of(2027, 12, 31))),
                Arguments.of("annual-only, never done: due 30 days from today", ANNUAL_ONLY, TODAY, List.of(), TODAY,
                        new Planned("annual", TODAY.plusDays(30))),
                Arguments.of("on request only: the cadence never assigns it", ON_REQUEST, TODAY, List.of(), TODAY,
                        null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theCadenceAssignsWhatIsDue(String name, Module module, LocalDate hired, List<Past> history, LocalDate today,
                                    Planned expected) {
        assertThat(Cadence.next(module, hired, history, today, 30, 30)).isEqualTo(Optional.ofNullable(expected));
    }

    @Test
    void aDueDateIsOverdueFromTheStartOfTheNextUtcDay_andACompletionBeforeThenIsOnSchedule() {
        LocalDate due = LocalDate.of(2026, 12, 31);
        Instant lastMoment = Instant.parse("2026-12-31T23:59:59.999Z");
        Instant nextDay = Instant.parse("2027-01-01T00:00:00Z");
        assertThat(Cadence.deadline(due)).isEqualTo(nextDay);
        assertThat(Cadence.overdue(due, lastMoment)).isFalse();
        assertThat(Cadence.overdue(due, nextDay)).isTrue();
        assertThat(Cadence.onTime(due, lastMoment)).isTrue();
        assertThat(Cadence.onTime(due, nextDay)).isFalse();
    }

    @Test
    void theAtHireWindowIsConfigurable() {
        assertThat(Cadence.next(BOTH, TODAY, List.of(), TODAY, 7, 30)).contains(new Planned("at-hire",
                TODAY.plusDays(7)));
        List<Past> done = List.of(past("2026-03-17", "2026-03-11T09:00:00Z", false));
        assertThat(Cadence.next(BOTH, TODAY, done, LocalDate.of(2027, 3, 10), 7, 0)).as("no lead: not the day before")
                .isEmpty();
        assertThat(Cadence.next(BOTH, TODAY, done, LocalDate.of(2027, 3, 11), 7, 0)).as("no lead: on the anniversary")
                .contains(new Planned("annual", LocalDate.of(2027, 3, 11)));
    }

    private static Past past(String dueOn, String completedAt, boolean cancelled) {
        return new Past(LocalDate.parse(dueOn), completedAt == null ? null : Instant.parse(completedAt), cancelled);
    }
}
