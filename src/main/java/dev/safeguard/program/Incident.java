package dev.safeguard.program;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A security incident (164.308(a)(6)) as officers and auditors see it, with everything breach notification needs:
 * the affected individuals in force, the breach risk assessment, the deadlines as of today, the notifications sent,
 * links to audit events and alerts, and the timeline. It names no patient: affected individuals are counts.
 *
 * @param discoveredOn  the calendar day of discovery in the organization's time zone: day 0 of every clock
 * @param version       the optimistic version; an update names it as {@code baseVersion}
 * @param nextStatuses  the statuses the incident may move to now
 * @param determination {@link IncidentTerms#PRESUMED_BREACH} until the assessment is concluded, then the conclusion;
 *                      {@link IncidentTerms#NOT_AN_INCIDENT} when closed as none
 */
public record Incident(String id, String reference, String title, String description, String category,
                       String severity, String status, Instant discoveredAt, LocalDate discoveredOn,
                       Instant occurredFrom, Instant occurredTo, Instant reportedAt, String reporterId,
                       String reportedVia, String capacity, String coveredEntity, String resolution, Instant closedAt,
                       String closedBy, LawEnforcementDelay lawEnforcementDelay, long version,
                       List<String> nextStatuses, String determination, AffectedCount affected,
                       BreachAssessment assessment, List<BreachDeadline> deadlines,
                       List<BreachNotification> notifications, List<IncidentLink> links,
                       List<TimelineEntry> timeline) {

    /** The unmet deadline due first, or {@code null}. */
    public BreachDeadline nextDeadline() {
        return deadlines.stream().filter(BreachDeadline::unmet).findFirst().orElse(null);
    }
}
