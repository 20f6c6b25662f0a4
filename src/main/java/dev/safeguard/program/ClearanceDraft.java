package dev.safeguard.program;

import java.time.LocalDate;

/**
 * A clearance record as an officer enters it.
 *
 * @param kind        one of {@link Clearance#KINDS}
 * @param completedOn when the check was completed, not in the future
 * @param outcome     one of {@link Clearance#OUTCOMES}
 * @param notes       optional, at most 2,000 characters (no PHI)
 */
public record ClearanceDraft(String kind, LocalDate completedOn, String outcome, String notes) {
}
