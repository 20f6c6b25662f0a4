package dev.safeguard.program;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the breach notification deadlines of one incident depend on; the input of {@link BreachDeadlines}.
 *
 * @param discoveredAt         when the breach was discovered: the first moment it was known, or by exercising
 *                             reasonable diligence would have been known, to any workforce member or agent
 *                             (164.404(a)(2)); its calendar day in the organization's time zone starts the clocks
 * @param capacity             {@link IncidentTerms#COVERED_ENTITY} or {@link IncidentTerms#BUSINESS_ASSOCIATE}
 * @param determination        {@link IncidentTerms#PRESUMED_BREACH} until the breach risk assessment is concluded,
 *                             then its conclusion ({@link IncidentTerms#CONCLUSIONS}), or
 *                             {@link IncidentTerms#NOT_AN_INCIDENT} for an incident closed as none
 * @param individuals          how many individuals are affected, or {@code null} when not established yet
 * @param residentsByState     affected individuals per state or jurisdiction ({@code unknown} included, never
 *                             counted for media notice)
 * @param heldUntil            the day a law-enforcement delay (164.412) ends, or {@code null}
 * @param notifications        the notifications sent so far
 */
public record BreachFacts(Instant discoveredAt, String capacity, String determination, Integer individuals,
                          Map<String, Integer> residentsByState, LocalDate heldUntil, List<Sent> notifications) {

    public BreachFacts {
        residentsByState = residentsByState == null ? Map.of() : Map.copyOf(residentsByState);
        notifications = notifications == null ? List.of() : List.copyOf(notifications);
    }

    /** Notification is owed for a breach, and while one is presumed (164.402: unless shown otherwise). */
    public boolean notificationRequired() {
        return IncidentTerms.PRESUMED_BREACH.equals(determination) || IncidentTerms.BREACH.equals(determination);
    }

    /** True until the assessment is concluded: the deadlines then rest on the presumption of a breach. */
    public boolean presumed() {
        return IncidentTerms.PRESUMED_BREACH.equals(determination);
    }

    /**
     * A notification that was sent.
     *
     * @param recipient   {@link IncidentTerms#RECIPIENTS}
     * @param state       for media notice, the state or jurisdiction; otherwise {@code null}
     * @param individuals for notices to individuals, how many were notified
     */
    public record Sent(String recipient, String state, Instant sentAt, Integer individuals) {
    }
}
