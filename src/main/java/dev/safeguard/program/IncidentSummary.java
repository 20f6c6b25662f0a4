package dev.safeguard.program;

import java.time.Instant;
import java.util.List;

/**
 * An incident in the list: status, severity, how many individuals are affected and its deadline clocks.
 *
 * @param individuals the affected individuals in force, or {@code null} when not established
 */
public record IncidentSummary(String id, String reference, String title, String category, String severity,
                              String status, Instant discoveredAt, Instant reportedAt, String reporterId,
                              String determination, Integer individuals, List<BreachDeadline> deadlines) {

    /** The unmet deadline due first, or {@code null}. */
    public BreachDeadline nextDeadline() {
        return deadlines.stream().filter(BreachDeadline::unmet).findFirst().orElse(null);
    }

    /** How many deadlines passed without their notification. */
    public long overdue() {
        return deadlines.stream().filter(d -> d.status().equals(BreachDeadline.OVERDUE)).count();
    }
}
