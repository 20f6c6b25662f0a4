package dev.safeguard.program;

import java.time.Instant;
import java.util.List;

/**
 * One entitlement under review, as it was when the campaign opened, and its decision once made.
 *
 * <p>Kinds: {@code role} (a role of an active user: {@code role}), {@code care-team} (an assignment in force:
 * {@code assignmentId}, {@code patientId} (the Patient's logical id), its start and end) and {@code service-client}
 * (a usable API key: {@code clientId}, its name, scopes, allow-list size and expiry; the subject is its owner).
 *
 * @param grantedAt      when the entitlement began (role granted, assignment start, client created)
 * @param lastActivityAt the subject's last successful use found in the audit trail (for a role the user's last own
 *                       event, for an assignment their last access to that patient, for a client its last
 *                       request), or {@code null} when none
 * @param unused         no activity for longer than the campaign's {@code unusedAfterDays} (never used counts once
 *                       the entitlement is that old)
 * @param reviewerSource why the reviewer was named: {@code manager} (the workforce roster's), {@code
 *                       security-official}, {@code security-officer} (the subject is the official),
 *                       {@code reassigned} (by an officer) or {@code unassigned}
 * @param decision       {@code keep}, {@code revoke} or {@code modify}, or {@code null} while undecided
 * @param modification   what a modify decision changed to: {@code role}, {@code endsAt} or {@code expiresAt} and
 *                       {@code scopes}; {@code null} otherwise
 * @param effect         {@code applied} (revoked or modified at once), {@code already-absent} (revoked, but it had
 *                       ended meanwhile) or {@code null} (kept, or undecided)
 * @param overdue        undecided in a campaign past its due date
 */
public record AccessReviewItem(String id, String campaignId, String kind, String subjectUserId, String role,
                               String assignmentId, String patientId, Instant assignmentStartsAt,
                               Instant assignmentEndsAt, String clientId, String clientName,
                               List<String> clientScopes, Integer clientPatients, Instant clientExpiresAt,
                               Instant grantedAt, Instant lastActivityAt, boolean unused, String reviewerId,
                               String reviewerSource, Instant reassignedAt, String reassignedBy, String decision,
                               String comment, AccessReviewChange modification, String effect, Instant decidedAt,
                               String decidedBy, boolean overdue, String campaignStatus) {

    public static final String ROLE = "role";
    public static final String CARE_TEAM = "care-team";
    public static final String SERVICE_CLIENT = "service-client";

    public static final String KEEP = "keep";
    public static final String REVOKE = "revoke";
    public static final String MODIFY = "modify";

    public AccessReviewItem {
        clientScopes = clientScopes == null ? null : List.copyOf(clientScopes);
    }

    public boolean decided() {
        return decision != null;
    }
}
