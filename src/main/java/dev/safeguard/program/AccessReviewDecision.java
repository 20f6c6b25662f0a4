package dev.safeguard.program;

/**
 * A reviewer's decision on one item, as submitted.
 *
 * @param decision {@code keep}, {@code revoke} or {@code modify}
 * @param comment  why; required for revoke and modify (at most 2,000 characters)
 * @param change   for modify only: what the entitlement becomes
 */
public record AccessReviewDecision(String decision, String comment, AccessReviewChange change) {
}
