package dev.safeguard.program;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The breach notification deadlines against the text of 164.404-164.412, table by table: the 500 thresholds (HHS at
 * 500 or more in total, media above 500 in one state), discoveries around the end of leap and common years, the
 * organization's time zone, the day a deadline passes, notices that cover only part of the individuals, a
 * law-enforcement delay, and a business associate's single duty.
 */
class BreachDeadlinesTests {

    private static final ZoneId UTC = ZoneOffset.UTC;

    @ParameterizedTest(name = "{0} individuals ({1}) -> HHS {2} due {3}, media {4}")
    @CsvSource(delimiter = '|', textBlock = """
            # individuals | residents by state | HHS rule   | HHS due    | media deadlines
            1             | CA=1               | 164.408(c) | 2027-03-01 |
            499           | CA=499             | 164.408(c) | 2027-03-01 |
            500           | CA=500             | 164.408(b) | 2026-05-09 |
            501           | CA=501             | 164.408(b) | 2026-05-09 | CA
            1000          | CA=500;NV=500      | 164.408(b) | 2026-05-09 |
            1002          | CA=501;NV=501      | 164.408(b) | 2026-05-09 | CA;NV
            1001          | CA=501;NV=500      | 164.408(b) | 2026-05-09 | CA
            700           | unknown=700        | 164.408(b) | 2026-05-09 |
            """)
    void hhsAndMediaFollowThe500Thresholds(int individuals, String residents, String hhsRule, LocalDate hhsDue,
                                           String media) {
        BreachDeadlines calculator = at(LocalDate.of(2026, 3, 10), UTC);
        List<BreachDeadline> deadlines = calculator.of(facts(LocalDate.of(2026, 3, 10), individuals,
                states(residents)));
        BreachDeadline people = find(deadlines, "individuals").orElseThrow();
        assertThat(deadlines.get(0)).as("individuals first on the same day").isEqualTo(people);
        assertThat(people.dueOn()).isEqualTo(LocalDate.of(2026, 5, 9));
        assertThat(people.citation()).isEqualTo("164.404(b)");
        BreachDeadline hhs = find(deadlines, "hhs").orElseThrow();
        assertThat(hhs.citation()).isEqualTo(hhsRule);
        assertThat(hhs.dueOn()).isEqualTo(hhsDue);
        assertThat(hhs.annualLog()).isEqualTo(hhsRule.equals("164.408(c)"));
        List<String> expectedMedia = media == null ? List.of() : List.of(media.split(";"));
        assertThat(deadlines.stream().filter(d -> d.recipient().equals("media")).map(BreachDeadline::state))
                .containsExactlyElementsOf(expectedMedia);
        deadlines.stream().filter(d -> d.recipient().equals("media")).forEach(d -> {
            assertThat(d.dueOn()).isEqualTo(LocalDate.of(2026, 5, 9));
            assertThat(d.citation()).isEqualTo("164.406(b)");
        });
        assertThat(deadlines).allSatisfy(d -> assertThat(d.provisional()).isFalse());
    }

    @ParameterizedTest(name = "discovered {0}: individuals by {1}, annual HHS log by {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # discovered | individuals due | HHS annual-log due (fewer than 500)
            2025-12-31   | 2026-03-01      | 2026-03-01
            2026-01-01   | 2026-03-02      | 2027-03-01
            2023-12-31   | 2024-02-29      | 2024-02-29
            2024-01-01   | 2024-03-01      | 2025-03-01
            2024-02-29   | 2024-04-29      | 2025-03-01
            2024-12-31   | 2025-03-01      | 2025-03-01
            2025-01-01   | 2025-03-02      | 2026-03-01
            2027-12-31   | 2028-02-29      | 2028-02-29
            2028-01-01   | 2028-03-01      | 2029-03-01
            """)
    void deadlinesAroundYearEndCountCalendarDaysIncludingLeapDays(LocalDate discovered, LocalDate individualsDue,
                                                                 LocalDate annualDue) {
        List<BreachDeadline> deadlines = at(discovered, UTC).of(facts(discovered, 12, Map.of("TX", 12)));
        assertThat(find(deadlines, "individuals").orElseThrow().dueOn()).isEqualTo(individualsDue);
        BreachDeadline hhs = find(deadlines, "hhs").orElseThrow();
        assertThat(hhs.citation()).isEqualTo("164.408(c)");
        assertThat(hhs.dueOn()).isEqualTo(annualDue);
        assertThat(BreachDeadlines.annualLogDue(discovered.getYear())).isEqualTo(annualDue);
        List<BreachDeadline> large = at(discovered, UTC).of(facts(discovered, 500, Map.of("TX", 500)));
        assertThat(find(large, "hhs").orElseThrow().dueOn()).as("500 or more: within 60 days")
                .isEqualTo(individualsDue);
    }

    @ParameterizedTest(name = "{0} in {1} is discovered on {2}")
    @CsvSource(delimiter = '|', textBlock = """
            2026-01-01T03:00:00Z | America/New_York | 2026-03-01 | 2026-03-01
            2026-01-01T03:00:00Z | UTC              | 2026-03-02 | 2027-03-01
            2025-12-31T23:30:00Z | Asia/Tokyo       | 2026-03-02 | 2027-03-01
            2025-12-31T23:30:00Z | UTC              | 2026-03-01 | 2026-03-01
            """)
    void theDayOfDiscoveryIsTheOrganizationsCalendarDay(Instant discovered, ZoneId zone, LocalDate individualsDue,
                                                       LocalDate annualDue) {
        BreachDeadlines calculator = new BreachDeadlines(Clock.fixed(discovered, zone), zone, 10);
        List<BreachDeadline> deadlines = calculator.of(new BreachFacts(discovered, IncidentTerms.COVERED_ENTITY,
                IncidentTerms.BREACH, 3, Map.of("NY", 3), null, List.of()));
        assertThat(find(deadlines, "individuals").orElseThrow().dueOn()).isEqualTo(individualsDue);
        assertThat(find(deadlines, "hhs").orElseThrow().dueOn()).isEqualTo(annualDue);
    }

    @ParameterizedTest(name = "on {0}: {1}, {2} days left")
    @CsvSource(delimiter = '|', textBlock = """
            2026-03-10 | open     | 60
            2026-04-28 | open     | 11
            2026-04-29 | due-soon | 10
            2026-05-09 | due-soon | 0
            2026-05-10 | overdue  | -1
            2026-07-01 | overdue  | -53
            """)
    void aDeadlineIsOnTimeThroughItsDueDayAndOverdueTheDayAfter(LocalDate today, String status, long remaining) {
        BreachDeadline people = find(at(today, UTC).of(facts(LocalDate.of(2026, 3, 10), 20, Map.of("WA", 20))),
                "individuals").orElseThrow();
        assertThat(people.status()).isEqualTo(status);
        assertThat(people.daysRemaining()).isEqualTo(remaining);
        assertThat(people.unmet()).isTrue();
    }

    @ParameterizedTest(name = "notices {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # notices to individuals (day:count)  | status  | met on     | notified
            2026-05-01:300;2026-05-09:300         | met     | 2026-05-09 | 600
            2026-05-01:300;2026-05-10:300         | late    | 2026-05-10 | 600
            2026-05-01:600                        | met     | 2026-05-01 | 600
            2026-05-01:300                        | overdue |            | 300
            2026-05-01:300;2026-05-02:200         | overdue |            | 500
            """)
    void individualsAreNotifiedWhenTheNoticesCoverEveryAffectedIndividual(String notices, String status,
                                                                         LocalDate metOn, int notified) {
        List<BreachFacts.Sent> sent = new ArrayList<>();
        for (String notice : notices.split(";")) {
            String[] parts = notice.split(":");
            sent.add(new BreachFacts.Sent("individuals", null, noon(LocalDate.parse(parts[0]), UTC),
                    Integer.valueOf(parts[1])));
        }
        BreachFacts facts = new BreachFacts(noon(LocalDate.of(2026, 3, 10), UTC), IncidentTerms.COVERED_ENTITY,
                IncidentTerms.BREACH, 600, Map.of("OR", 600), null, sent);
        BreachDeadline people = find(at(LocalDate.of(2026, 5, 12), UTC).of(facts), "individuals").orElseThrow();
        assertThat(people.status()).isEqualTo(status);
        assertThat(people.metOn()).isEqualTo(metOn);
        assertThat(people.notified()).isEqualTo(notified);
        assertThat(people.toNotify()).isEqualTo(600);
        BreachDeadline hhs = find(at(LocalDate.of(2026, 5, 12), UTC).of(facts), "hhs").orElseThrow();
        assertThat(hhs.status()).as("HHS is not notified by notices to individuals").isEqualTo("overdue");
        assertThat(find(at(LocalDate.of(2026, 5, 12), UTC).of(facts), "media:OR").orElseThrow().status())
                .isEqualTo("overdue");
    }

    @Test
    void mediaNoticeIsMetOnlyByANoticeForItsOwnState() {
        Instant discovered = noon(LocalDate.of(2026, 3, 10), UTC);
        BreachFacts facts = new BreachFacts(discovered, IncidentTerms.COVERED_ENTITY, IncidentTerms.BREACH, 1400,
                Map.of("CA", 700, "NV", 700), null, List.of(new BreachFacts.Sent("media", "CA",
                noon(LocalDate.of(2026, 4, 1), UTC), null)));
        List<BreachDeadline> deadlines = at(LocalDate.of(2026, 4, 2), UTC).of(facts);
        assertThat(find(deadlines, "media:CA").orElseThrow().status()).isEqualTo("met");
        assertThat(find(deadlines, "media:NV").orElseThrow().status()).isEqualTo("open");
    }

    @ParameterizedTest(name = "held until {0}, on {1}: due {2}, {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # held until | today      | due        | status
            2026-06-01   | 2026-05-20 | 2026-06-01 | on-hold
            2026-06-01   | 2026-06-01 | 2026-06-01 | due-soon
            2026-06-01   | 2026-06-02 | 2026-06-01 | overdue
            2026-04-01   | 2026-03-20 | 2026-05-09 | on-hold
            2026-04-01   | 2026-04-01 | 2026-05-09 | open
            2026-05-09   | 2026-05-09 | 2026-05-09 | due-soon
            """)
    void aLawEnforcementDelayHoldsNoticesAndMovesAnEarlierDeadlineToItsEnd(LocalDate heldUntil, LocalDate today,
                                                                          LocalDate due, String status) {
        BreachFacts facts = new BreachFacts(noon(LocalDate.of(2026, 3, 10), UTC), IncidentTerms.COVERED_ENTITY,
                IncidentTerms.BREACH, 40, Map.of("AZ", 40), heldUntil, List.of());
        BreachDeadline people = find(at(today, UTC).of(facts), "individuals").orElseThrow();
        assertThat(people.dueOn()).isEqualTo(due);
        assertThat(people.status()).isEqualTo(status);
        assertThat(people.heldUntil()).isEqualTo(heldUntil);
        BreachDeadline annual = find(at(today, UTC).of(facts), "hhs").orElseThrow();
        assertThat(annual.dueOn()).as("the annual log is far beyond the delay").isEqualTo(LocalDate.of(2027, 3, 1));
    }

    @Test
    void aBusinessAssociateOwesTheCoveredEntityNoticeWithin60DaysAndNothingElse() {
        BreachFacts facts = new BreachFacts(noon(LocalDate.of(2024, 1, 1), UTC), IncidentTerms.BUSINESS_ASSOCIATE,
                IncidentTerms.BREACH, 5000, Map.of("CA", 5000), null, List.of());
        List<BreachDeadline> deadlines = at(LocalDate.of(2024, 1, 2), UTC).of(facts);
        assertThat(deadlines).singleElement().satisfies(d -> {
            assertThat(d.key()).isEqualTo("covered-entity");
            assertThat(d.citation()).isEqualTo("164.410(b)");
            assertThat(d.dueOn()).isEqualTo(LocalDate.of(2024, 3, 1));
        });
    }

    @ParameterizedTest(name = "{0} -> {1} deadlines")
    @CsvSource(delimiter = '|', textBlock = """
            breach          | 2 | false
            presumed-breach | 2 | true
            low-probability | 0 | false
            secured-phi     | 0 | false
            exception       | 0 | false
            not-an-incident | 0 | false
            """)
    void onlyABreachOrItsPresumptionStartsClocks(String determination, int count, boolean provisional) {
        List<BreachDeadline> deadlines = at(LocalDate.of(2026, 3, 10), UTC).of(new BreachFacts(
                noon(LocalDate.of(2026, 3, 10), UTC), IncidentTerms.COVERED_ENTITY, determination, 3,
                Map.of("ME", 3), null, List.of()));
        assertThat(deadlines).hasSize(count);
        assertThat(deadlines).allSatisfy(d -> assertThat(d.provisional()).isEqualTo(provisional));
    }

    @Test
    void anUnknownNumberOfIndividualsAssumes500OrMore_andNoneAffectedOwesNothing() {
        List<BreachDeadline> unknown = at(LocalDate.of(2026, 3, 10), UTC).of(facts(LocalDate.of(2026, 3, 10), null,
                Map.of()));
        BreachDeadline hhs = find(unknown, "hhs").orElseThrow();
        assertThat(hhs.citation()).isEqualTo("164.408(b)");
        assertThat(hhs.dueOn()).isEqualTo(LocalDate.of(2026, 5, 9));
        assertThat(hhs.provisional()).isTrue();
        assertThat(hhs.basis()).contains("not known");
        assertThat(find(unknown, "individuals").orElseThrow().toNotify()).isNull();
        assertThat(at(LocalDate.of(2026, 3, 10), UTC).of(facts(LocalDate.of(2026, 3, 10), 0, Map.of()))).isEmpty();
        assertThat(at(LocalDate.of(2026, 3, 10), UTC).of(new BreachFacts(noon(LocalDate.of(2026, 3, 10), UTC),
                IncidentTerms.BUSINESS_ASSOCIATE, IncidentTerms.BREACH, 0, Map.of(), null, List.of())))
                .as("a business associate with nobody affected").isEmpty();
    }

    private static BreachDeadlines at(LocalDate today, ZoneId zone) {
        return new BreachDeadlines(Clock.fixed(noon(today, zone), zone), zone, 10);
    }

    private static BreachFacts facts(LocalDate discovered, Integer individuals, Map<String, Integer> byState) {
        return new BreachFacts(noon(discovered, UTC), IncidentTerms.COVERED_ENTITY, IncidentTerms.BREACH, individuals,
                byState, null, List.of());
    }

    private static Instant noon(LocalDate day, ZoneId zone) {
        return day.atTime(LocalTime.NOON).atZone(zone).toInstant();
    }

    private static Map<String, Integer> states(String spec) {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (String pair : spec.split(";")) {
            String[] kv = pair.split("=");
            map.put(kv[0], Integer.valueOf(kv[1]));
        }
        return map;
    }

    private static Optional<BreachDeadline> find(List<BreachDeadline> deadlines, String key) {
        return deadlines.stream().filter(d -> d.key().equals(key)).findFirst();
    }
}
