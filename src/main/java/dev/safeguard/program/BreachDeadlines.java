package dev.safeguard.program;

import dev.safeguard.records.PatientResidence;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The breach notification deadlines of 45 CFR 164.404-164.410, computed from the day of discovery; a pure calculator
 * (no database), so it can be checked against the regulation table by table.
 *
 * <ul>
 *   <li>Individuals: no later than 60 calendar days after discovery (164.404(b)).</li>
 *   <li>HHS: for 500 or more individuals, contemporaneously with the notice to individuals, so within the same 60
 *       days (164.408(b)); for fewer than 500, in the annual log, no later than 60 days after the end of the calendar
 *       year of discovery (164.408(c)): 60 days after 31 December, which is 1 March, or 29 February when the next
 *       year is a leap year. While the number of individuals is not known, 500 or more is assumed (the earlier
 *       date).</li>
 *   <li>Media: for each state or jurisdiction with more than 500 affected residents, within 60 days (164.406(b)).</li>
 *   <li>As a business associate: the covered entity, within 60 days (164.410(b)); the covered entity's duties to
 *       individuals, HHS and media are then its own.</li>
 *   <li>A law-enforcement delay (164.412) holds every notification until the day it ends; a deadline that would fall
 *       before that day moves to it (the conservative reading: notify as soon as the delay ends; the delay's length
 *       is never added on top).</li>
 * </ul>
 *
 * <p>Days are calendar days in the organization's time zone; a deadline is on time through its due day. It is met on
 * the day its notification is recorded as sent: for individuals, the day the notices sent cover every affected
 * individual.
 */
public final class BreachDeadlines {

    /** "No later than 60 calendar days after discovery" (164.404(b), 164.406(b), 164.410(b)). */
    public static final int DAYS = 60;
    /** HHS is notified within 60 days for breaches of this many individuals or more (164.408(b)). */
    public static final int HHS_THRESHOLD = 500;
    /** Media notice is owed for a state or jurisdiction with more than this many affected residents (164.406(a)). */
    public static final int MEDIA_THRESHOLD = 500;
    public static final String INDIVIDUALS_RULE = "164.404(b)";
    public static final String MEDIA_RULE = "164.406(b)";
    public static final String HHS_WITHIN_60_DAYS = "164.408(b)";
    public static final String HHS_ANNUAL_LOG = "164.408(c)";
    public static final String COVERED_ENTITY_RULE = "164.410(b)";

    private final Clock clock;
    private final ZoneId zone;
    private final int reminderDays;

    /**
     * @param zone         the organization's time zone, in which discovery and deadline days are counted
     * @param reminderDays a deadline this many days away or fewer is {@link BreachDeadline#DUE_SOON}
     */
    public BreachDeadlines(Clock clock, ZoneId zone, int reminderDays) {
        this.clock = clock;
        this.zone = zone;
        this.reminderDays = reminderDays;
    }

    /** Today in the organization's time zone. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /** The calendar day of an instant in the organization's time zone. */
    public LocalDate day(java.time.Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    /** The HHS annual-log due day for breaches discovered in {@code year}: 60 days after 31 December. */
    public static LocalDate annualLogDue(int year) {
        return LocalDate.of(year, 12, 31).plusDays(DAYS);
    }

    /**
     * Every deadline the facts give rise to, in due order (on the same day: individuals, HHS, media, the covered
     * entity); none when no notification is required.
     */
    public List<BreachDeadline> of(BreachFacts facts) {
        if (!facts.notificationRequired()) {
            return List.of();
        }
        LocalDate discovered = day(facts.discoveredAt());
        LocalDate sixty = discovered.plusDays(DAYS);
        String sixtyBasis = DAYS + " calendar days after discovery on " + discovered;
        Integer individuals = facts.individuals();
        List<BreachDeadline> deadlines = new ArrayList<>();
        if (individuals != null && individuals == 0) {
            // Nobody's PHI was compromised: there is nobody to notify, and nothing for HHS or the covered entity.
            return List.of();
        }
        if (IncidentTerms.BUSINESS_ASSOCIATE.equals(facts.capacity())) {
            deadlines.add(deadline(facts, "covered-entity", IncidentTerms.COVERED_ENTITY, null, COVERED_ENTITY_RULE,
                    "Notify the covered entity", sixty, sixtyBasis + "; include the identity of each affected "
                            + "individual", individuals == null));
            return sorted(deadlines);
        }
        boolean unknown = individuals == null;
        deadlines.add(deadline(facts, IncidentTerms.INDIVIDUALS, IncidentTerms.INDIVIDUALS, null, INDIVIDUALS_RULE,
                "Notify the affected individuals", sixty, sixtyBasis, false));
        if (unknown || individuals >= HHS_THRESHOLD) {
            deadlines.add(deadline(facts, IncidentTerms.HHS, IncidentTerms.HHS, null, HHS_WITHIN_60_DAYS,
                    "Notify HHS (breach of 500 or more individuals)", sixty, (unknown
                            ? "number of individuals not known yet, so 500 or more is assumed: " : "")
                            + "contemporaneously with the notice to individuals, " + sixtyBasis, unknown));
        } else {
            deadlines.add(deadline(facts, IncidentTerms.HHS, IncidentTerms.HHS, null, HHS_ANNUAL_LOG,
                    "Report to HHS in the annual log (fewer than 500 individuals)",
                    annualLogDue(discovered.getYear()), "fewer than 500 individuals: " + DAYS + " days after the "
                            + "end of " + discovered.getYear() + ", the calendar year of discovery", false));
        }
        Map<String, Integer> byState = new TreeMap<>(facts.residentsByState());
        byState.forEach((state, residents) -> {
            if (!state.equals(PatientResidence.UNKNOWN) && residents != null && residents > MEDIA_THRESHOLD) {
                deadlines.add(deadline(facts, IncidentTerms.MEDIA + ":" + state, IncidentTerms.MEDIA, state,
                        MEDIA_RULE, "Notify prominent media outlets serving " + state, sixty, residents
                                + " residents of " + state + " (more than " + MEDIA_THRESHOLD + "): " + sixtyBasis,
                        false));
            }
        });
        return sorted(deadlines);
    }

    private BreachDeadline deadline(BreachFacts facts, String key, String recipient, String state, String citation,
                                    String title, LocalDate due, String basis, boolean assumed) {
        LocalDate held = facts.heldUntil();
        LocalDate dueOn = held != null && held.isAfter(due) ? held : due;
        String fullBasis = held != null && held.isAfter(due) ? basis + "; held by a law-enforcement delay "
                + "(164.412) until " + held : basis;
        List<BreachFacts.Sent> sent = facts.notifications().stream()
                .filter(s -> s.recipient().equals(recipient) && (state == null || state.equals(s.state())))
                .sorted(Comparator.comparing(BreachFacts.Sent::sentAt)).toList();
        Integer toNotify = recipient.equals(IncidentTerms.INDIVIDUALS) ? facts.individuals() : null;
        LocalDate metOn = null;
        int notified = 0;
        for (BreachFacts.Sent s : sent) {
            notified += recipient.equals(IncidentTerms.INDIVIDUALS)
                    ? (s.individuals() == null ? 0 : s.individuals()) : 1;
            boolean complete = !recipient.equals(IncidentTerms.INDIVIDUALS) || toNotify == null
                    || notified >= toNotify;
            if (complete && metOn == null) {
                metOn = day(s.sentAt());
            }
        }
        LocalDate today = today();
        String status;
        Long remaining = null;
        if (metOn != null) {
            status = metOn.isAfter(dueOn) ? BreachDeadline.LATE : BreachDeadline.MET;
        } else {
            remaining = ChronoUnit.DAYS.between(today, dueOn);
            if (held != null && today.isBefore(held)) {
                status = BreachDeadline.ON_HOLD;
            } else if (remaining < 0) {
                status = BreachDeadline.OVERDUE;
            } else if (remaining <= reminderDays) {
                status = BreachDeadline.DUE_SOON;
            } else {
                status = BreachDeadline.OPEN;
            }
        }
        return new BreachDeadline(key, recipient, state, citation, title, dueOn, fullBasis, status, remaining,
                metOn, held, facts.presumed() || assumed, toNotify, notified);
    }

    private static List<BreachDeadline> sorted(List<BreachDeadline> deadlines) {
        return deadlines.stream().sorted(Comparator.comparing(BreachDeadline::dueOn)
                .thenComparingInt(d -> IncidentTerms.RECIPIENTS.indexOf(d.recipient()))
                .thenComparing(BreachDeadline::key)).toList();
    }
}
