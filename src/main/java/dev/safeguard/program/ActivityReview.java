package dev.safeguard.program;

import java.time.Instant;

/**
 * One information system activity review (164.308(a)(1)(ii)(D)): the audit trail's summary for the period
 * {@code [periodFrom, periodTo)}, the named reviewer, and the sign-off once given (then final).
 *
 * @param origin   {@code scheduled} (opened when a period ended) or {@code requested} (opened by an officer)
 * @param status   {@code open}, {@code overdue} (past {@code dueAt} without sign-off) or {@code signed}
 * @param evidenceId the signed attestation evidence of the sign-off, or {@code null} before it
 */
public record ActivityReview(String id, Instant periodFrom, Instant periodTo, String origin, String reviewerId,
                             Instant createdAt, String createdBy, Instant dueAt, String status, Instant signedOffAt,
                             String signedOffBy, String notes, String evidenceId, ActivitySummary summary) {

    public static final String OPEN = "open";
    public static final String OVERDUE = "overdue";
    public static final String SIGNED = "signed";
}
