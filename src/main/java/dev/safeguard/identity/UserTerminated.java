package dev.safeguard.identity;

import java.time.Instant;

/**
 * Published inside the transaction that terminates a user, so that other modules revoke what they granted the user
 * (care-team assignments, break-glass grants) in the same transaction: termination is one action, and if any part
 * fails nothing of it commits. Listeners must be synchronous and must not open their own transaction.
 *
 * @param userId    the terminated user
 * @param at        the termination's effective time (the account's {@code terminated_at}); it may lie before
 *                  {@code revokedAt} when a termination is recorded after the person left
 * @param byUserId  the security officer who terminated them
 * @param revokedAt when the termination is carried out: what is still in force then ends then, so records show when
 *                  access really stopped and the time to revoke is measured from {@code at} to it
 */
public record UserTerminated(String userId, Instant at, String byUserId, Instant revokedAt) {

    /** A termination carried out at its effective time. */
    public UserTerminated(String userId, Instant at, String byUserId) {
        this(userId, at, byUserId, at);
    }
}
