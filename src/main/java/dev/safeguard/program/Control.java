package dev.safeguard.program;

/**
 * A specification with the organization's current control and, for an addressable one, its current 164.306(d)
 * decision.
 *
 * @param current         the latest control version; a specification nobody has touched has version 0, not started
 * @param decision        the latest decision, or {@code null}
 * @param decisionMissing true for an addressable specification without a decision record
 * @param reviewOverdue   true when the next review date has passed (by the server's clock)
 */
public record Control(Specification specification, ControlVersion current, Decision decision,
                      boolean decisionMissing, boolean reviewOverdue) {
}
