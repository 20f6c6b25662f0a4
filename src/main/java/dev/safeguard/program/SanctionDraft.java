package dev.safeguard.program;

import java.time.LocalDate;

/**
 * A sanction as an officer records it.
 *
 * @param imposedOn   when the sanction was imposed: not in the future, not before the member's hire date
 * @param policy      the policy or procedure violated, 1 to 200 characters
 * @param description what happened, 1 to 4,000 characters
 * @param sanction    one of {@link Sanction#SANCTIONS}
 * @param imposedBy   the user id of whoever imposed it; {@code null}: the recording officer
 */
public record SanctionDraft(LocalDate imposedOn, String policy, String description, String sanction,
                            String imposedBy) {
}
