package dev.safeguard.program;

import java.time.Instant;

/** One workforce member's acknowledgment of a policy version, with the SHA-256 of the text they acknowledged. */
public record PolicyAcknowledgment(String policyId, int version, String userId, Instant acknowledgedAt,
                                   String contentSha256) {
}
