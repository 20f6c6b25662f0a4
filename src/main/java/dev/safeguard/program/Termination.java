package dev.safeguard.program;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The termination of a workforce member (164.308(a)(3)(ii)(C)): one action that ends every account the member holds
 * and, with them, every session, API key, care-team assignment and break-glass grant, each recorded with the time it
 * was revoked. Latency is measured from the effective time (proposed rule: within one hour).
 *
 * @param reason               one of {@link #REASONS}
 * @param status               {@code scheduled} (effective time ahead), {@code executed} or {@code cancelled}
 * @param executedBy           the security officer under whose authority it was carried out
 * @param items                every revocation, with its time and latency
 * @param latencySeconds       from the effective time to the last revocation; {@code null} when the member held
 *                             nothing to revoke or it has not been carried out
 * @param withinTarget         whether that latency is at most {@link #TARGET}; {@code null} as above
 * @param eventsAfterEffective audit events by the member's accounts and API keys between the effective time and the
 *                             revocation (what they did after they should have lost access); {@code null} when not
 *                             measured (not executed, or recorded more than 90 days late)
 * @param evidenceId           the signed evidence of the executed termination
 */
public record Termination(String id, String memberId, String memberName, Instant effectiveAt, String reason,
                          String notes, String status, Instant requestedAt, String requestedBy, Instant executedAt,
                          String executedBy, Instant cancelledAt, String cancelledBy, List<Item> items,
                          Long latencySeconds, Boolean withinTarget, Long eventsAfterEffective, String evidenceId) {

    /** The proposed rule's limit for revoking a departing member's access. */
    public static final Duration TARGET = Duration.ofHours(1);
    public static final List<String> REASONS = List.of("resignation", "dismissal", "end-of-contract", "retirement",
            "transfer", "death", "other");
    public static final String SCHEDULED = "scheduled";
    public static final String EXECUTED = "executed";
    public static final String CANCELLED = "cancelled";

    public Termination {
        items = List.copyOf(items);
    }

    /**
     * One revocation.
     *
     * @param kind      {@code ACCOUNT}, {@code SESSION}, {@code API_KEY}, {@code CARE_TEAM_ASSIGNMENT} or
     *                  {@code BREAK_GLASS_GRANT}
     * @param reference the account's user id, the session's non-secret reference, the client id, or the assignment or
     *                  grant id
     * @param userId    the account it belonged to
     */
    public record Item(String kind, String reference, String userId, Instant revokedAt, long latencySeconds) {
    }
}
