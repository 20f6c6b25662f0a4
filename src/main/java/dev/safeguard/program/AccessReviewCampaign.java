package dev.safeguard.program;

import java.time.Instant;

/**
 * One access-review campaign (164.308(a)(4)(ii)(B), (C); 164.308(a)(3)(ii)(A)): a snapshot of every entitlement in
 * force when it opened, each item going to a named reviewer, complete when every item is decided.
 *
 * @param origin          {@code scheduled} (opened at the start of a review cycle) or {@code requested} (by an
 *                        officer)
 * @param cycle           the review cycle it was opened in, e.g. {@code 2026-Q2}
 * @param status          {@code open}, {@code overdue} (past {@code dueAt} with items undecided) or
 *                        {@code completed}
 * @param unusedAfterDays items with no activity for longer than this many days were flagged unused
 * @param unassigned      items that have no reviewer (nobody but the subject could review them): an officer must
 *                        reassign them
 * @param evidenceId      the signed evidence of the completed campaign, or {@code null} before completion
 */
public record AccessReviewCampaign(String id, String origin, String cycle, Instant openedAt, String openedBy,
                                   Instant dueAt, String status, int unusedAfterDays, long items, long decided,
                                   long kept, long revoked, long modified, long unused, long unassigned,
                                   Instant completedAt, String evidenceId) {

    public static final String OPEN = "open";
    public static final String OVERDUE = "overdue";
    public static final String COMPLETED = "completed";

    /** Decided items as a whole percentage of all items (100 for a campaign without items). */
    public long percentDecided() {
        return items == 0 ? 100 : decided * 100 / items;
    }
}
