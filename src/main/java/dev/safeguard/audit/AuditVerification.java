package dev.safeguard.audit;

import java.time.Instant;

/**
 * The result of recomputing the whole audit trail: every leaf hash from its row, the Merkle tree, every signed tree
 * head in the database and in the checkpoint file.
 *
 * @param ok          true when nothing was found wrong
 * @param treeSize    events present and checked
 * @param headsChecked signed tree heads checked (database and file)
 * @param firstBadSeq the first sequence number that is missing or wrong, or {@code null}
 * @param reason      why, in words, or {@code null}
 * @param verifiedAt  when the check ran
 */
public record AuditVerification(boolean ok, long treeSize, int headsChecked, Long firstBadSeq, String reason,
                                Instant verifiedAt) {
}
