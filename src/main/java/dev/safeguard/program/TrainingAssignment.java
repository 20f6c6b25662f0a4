package dev.safeguard.program;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A training module assigned to a workforce member, due on a day (UTC).
 *
 * @param reason           {@code at-hire}, {@code annual} or {@code assigned} (by an officer)
 * @param assignedBy       the officer's user id, or {@code safeguard} for the cadence
 * @param status           {@code open}, {@code overdue} (open from the day after the due date), {@code completed},
 *                         {@code completed-late} or {@code cancelled} (the member was terminated or the module
 *                         withdrawn)
 * @param completedVersion the module version the member attested to
 * @param completedBy      the user account the member completed it with
 */
public record TrainingAssignment(String id, String memberId, String memberName, String moduleId, String moduleTitle,
                                 String reason, Instant assignedAt, String assignedBy, LocalDate dueOn, String status,
                                 Instant completedAt, String completedVersion, String completedBy,
                                 Instant cancelledAt) {

    public static final String OPEN = "open";
    public static final String OVERDUE = "overdue";
    public static final String COMPLETED = "completed";
    public static final String COMPLETED_LATE = "completed-late";
    public static final String CANCELLED = "cancelled";

    /** Open or overdue: the member still has to complete it. */
    public boolean pending() {
        return OPEN.equals(status) || OVERDUE.equals(status);
    }
}
