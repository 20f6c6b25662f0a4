package dev.safeguard.program;

import java.time.LocalDate;

/**
 * A 164.306(d) decision as a caller records it.
 *
 * @param decision    a {@link DecisionKind} id
 * @param rationale   required unless the decision is {@code implement}
 * @param alternative required with {@code equivalent-alternative}
 * @param approverId  required: an active security or compliance officer
 * @param decidedOn   the date of the decision; {@code null} is today; never in the future
 */
public record DecisionDraft(String decision, String rationale, String alternative, String approverId,
                            LocalDate decidedOn) {
}
