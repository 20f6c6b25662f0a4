package dev.safeguard.access;

import java.time.Instant;

/**
 * An emergency access grant of one user to one patient.
 *
 * @param reason        the requester's reason; shown only to the requester and to security officers, never audited
 * @param state         {@code active}, {@code expired} or {@code ended}
 * @param review        {@code pending}, {@code overdue}, {@code approved} or {@code escalated}
 * @param reviewNotes   the reviewer's notes, or {@code null}
 */
public record BreakGlassGrant(String id, String userId, String patientId, String purpose, String reason,
                              Instant grantedAt, Instant expiresAt, Instant endedAt, String state, String review,
                              Instant reviewedAt, String reviewedBy, String reviewNotes) {
}
