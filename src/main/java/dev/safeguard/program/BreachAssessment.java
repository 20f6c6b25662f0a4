package dev.safeguard.program;

import java.time.Instant;
import java.util.Map;

/**
 * The breach risk assessment of an incident (164.402(2)): the four factors with their ratings and notes, the
 * encryption safe-harbor question, the exclusions of 164.402(1), and the conclusion with the officer who made it.
 *
 * @param factors         by factor id ({@link IncidentTerms#FACTORS}), in the regulation's order
 * @param safeHarbor      {@code secured} (encrypted per HHS guidance, key not compromised: not unsecured PHI),
 *                        {@code unsecured}, or {@code null} when not answered
 * @param exception       an exclusion of 164.402(1) ({@link IncidentTerms#EXCEPTIONS}), {@code none} by default
 * @param conclusion      {@link IncidentTerms#CONCLUSIONS}, or {@code null} while a draft
 * @param concludedBy     the officer who concluded it
 */
public record BreachAssessment(Map<String, Factor> factors, String safeHarbor, String safeHarborNotes,
                               String exception, String exceptionNotes, String conclusion, String conclusionNotes,
                               String concludedBy, Instant concludedAt, String updatedBy, Instant updatedAt) {

    /** One factor: how far it points to a compromise ({@link IncidentTerms#RATINGS}) and why. */
    public record Factor(String rating, String notes) {
    }

    public boolean concluded() {
        return conclusion != null;
    }
}
