package dev.safeguard.access;

import java.time.Instant;

/**
 * A workforce user's assignment to a patient's care team.
 *
 * @param endsAt  when it ends by itself, or {@code null} (open-ended)
 * @param endedAt when a security officer ended it early, or {@code null}
 * @param state   {@code scheduled}, {@code active}, {@code expired} or {@code ended}
 */
public record CareTeamAssignment(String id, String userId, String patientId, Instant startsAt, Instant endsAt,
                                 Instant createdAt, String createdBy, Instant endedAt, String endedBy, String state) {
}
