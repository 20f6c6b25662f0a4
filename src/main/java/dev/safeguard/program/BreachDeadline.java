package dev.safeguard.program;

import java.time.LocalDate;

/**
 * One breach notification deadline, as of a day.
 *
 * @param key           stable within the incident: {@code individuals}, {@code hhs}, {@code media:<state>} or
 *                      {@code covered-entity}
 * @param recipient     {@link IncidentTerms#RECIPIENTS}
 * @param state         for media notice, the state or jurisdiction; otherwise {@code null}
 * @param citation      the rule that sets it, e.g. {@code 164.404(b)}
 * @param title         what is due, for a person
 * @param dueOn         the last day on which the notification is on time, in the organization's time zone
 * @param basis         how {@code dueOn} was computed, for a person
 * @param status        {@link #OPEN}, {@link #DUE_SOON}, {@link #ON_HOLD}, {@link #OVERDUE}, {@link #MET} or
 *                      {@link #LATE}
 * @param daysRemaining days from today to {@code dueOn} (0 on the due day, negative when overdue); {@code null} once
 *                      met
 * @param metOn         the day the notification was complete (for individuals: when the notices sent covered every
 *                      affected individual), or {@code null}
 * @param heldUntil     the day a law-enforcement delay (164.412) ends, or {@code null}: the notification is held
 *                      before that day, and a deadline that would fall earlier moves to it
 * @param provisional   true when the deadline rests on a presumption: no concluded assessment yet, or the number of
 *                      individuals not known (then 500 or more is assumed)
 * @param toNotify      for individuals, how many are affected ({@code null}: not known)
 * @param notified      for individuals, how many notices were sent; otherwise how many notifications were recorded
 */
public record BreachDeadline(String key, String recipient, String state, String citation, String title,
                             LocalDate dueOn, String basis, String status, Long daysRemaining, LocalDate metOn,
                             LocalDate heldUntil, boolean provisional, Integer toNotify, int notified) {

    public static final String OPEN = "open";
    public static final String DUE_SOON = "due-soon";
    public static final String ON_HOLD = "on-hold";
    public static final String OVERDUE = "overdue";
    public static final String MET = "met";
    public static final String LATE = "late";

    /** Whether the notification is still to be made. */
    public boolean unmet() {
        return metOn == null;
    }

    /** Whether this is the HHS annual log of breaches of fewer than 500 individuals (164.408(c)). */
    public boolean annualLog() {
        return citation.equals(BreachDeadlines.HHS_ANNUAL_LOG);
    }
}
