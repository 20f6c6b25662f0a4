package dev.safeguard.identity;

import java.time.Instant;

/**
 * Published inside the transaction that terminates a user, so that other modules revoke what they granted the user
 * (care-team assignments, break-glass grants) in the same transaction: termination is one action, and if any part
 * fails nothing of it commits. Listeners must be synchronous and must not open their own transaction.
 *
 * @param userId the terminated user
 * @param at     the termination's effective time
 * @param byUserId the security officer who terminated them
 */
public record UserTerminated(String userId, Instant at, String byUserId) {
}
