package dev.safeguard.program;

import java.time.Instant;

/**
 * A periodic review of a policy's effective version.
 *
 * @param outcome    {@code no-change} ("reviewed, no change") or {@code revise} (a new draft was started)
 * @param evidenceId the signed attestation evidence of the review
 */
public record PolicyReview(String id, String policyId, int version, Instant reviewedAt, String reviewedBy,
                           String outcome, String notes, String evidenceId) {

    public static final String NO_CHANGE = "no-change";
    public static final String REVISE = "revise";
}
