package dev.safeguard.access;

import dev.safeguard.access.internal.AccessEvents;
import dev.safeguard.access.internal.AccessStore;
import dev.safeguard.access.internal.AccessStore.AssignmentRow;
import dev.safeguard.access.internal.AssignmentReviewStore;
import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import dev.safeguard.shared.SecurityEvent.Action;
import dev.safeguard.shared.SecurityEvent.Outcome;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Care-team assignments as access reviews see and change them (164.308(a)(4)(ii)(B), (C)): every assignment in force,
 * and the two changes a review decides, ending one now or bringing its end forward. The review campaign is the
 * authority and the reviewer (often the clinician's manager, not a security officer) the agent. For the compliance
 * program's access reviews only; the caller has checked that the change is the decision of an open review item
 * assigned to the reviewer.
 *
 * <p>Guarantees: these changes only narrow access; nobody changes their own assignments here; the clinician loses
 * access with their next request (assignments are checked on every FHIR interaction). Each change is audited with
 * the reviewer as the agent, the patient (as the trail's pseudonym) and reason {@value #REASON}, in the caller's
 * transaction when there is one.
 */
@Service
public class CareTeamEntitlements {

    /** The reason code of the audit events of these changes. */
    public static final String REASON = "access-review";

    /** What ending an assignment did. */
    public enum Effect { APPLIED, ALREADY_ABSENT }

    private final AssignmentReviewStore reviews;
    private final AccessStore store;
    private final AccessEvents events;
    private final Clock clock;

    CareTeamEntitlements(AssignmentReviewStore reviews, AccessStore store, AccessEvents events, Clock clock) {
        this.reviews = reviews;
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /** Every assignment in force now (started, not ended, not expired). */
    public List<CareTeamAssignment> inForce() {
        long now = clock.millis();
        return reviews.inForce(now).stream().map(r -> CareTeam.view(r, now)).toList();
    }

    /** Ends the assignment now; {@link Effect#ALREADY_ABSENT} when it had ended or expired meanwhile. */
    public Effect end(Actor reviewer, RequestOrigin origin, String assignmentId, String userId) {
        return events.atomically(() -> {
            AssignmentRow row = assignment(reviewer, assignmentId, userId);
            long now = clock.millis();
            if (!"active".equals(CareTeam.view(row, now).state()) || !store.endAssignment(assignmentId, now,
                    reviewer.id())) {
                return Effect.ALREADY_ABSENT;
            }
            events.record(AccessEvents.CARE_TEAM, "end", Action.U, Outcome.SUCCESS, reviewer, origin,
                    "CareTeamAssignment", assignmentId, row.patientId(), null, REASON);
            return Effect.APPLIED;
        });
    }

    /** Moves the end of an assignment in force to {@code endsAt}: in the future and before its current end. */
    public void shorten(Actor reviewer, RequestOrigin origin, String assignmentId, String userId, Instant endsAt) {
        events.atomically(() -> {
            AssignmentRow row = assignment(reviewer, assignmentId, userId);
            long now = clock.millis();
            if (!"active".equals(CareTeam.view(row, now).state())) {
                throw new ProblemException(ProblemKind.CONFLICT, "The assignment is no longer in force; keep or "
                        + "revoke the item instead");
            }
            if (endsAt == null || endsAt.toEpochMilli() <= now
                    || row.endsAt() != null && endsAt.toEpochMilli() >= row.endsAt()) {
                throw new ProblemException(ProblemKind.VALIDATION, "The new end must be in the future and before the "
                        + "current end (" + (row.endsAt() == null ? "none" : Instant.ofEpochMilli(row.endsAt()))
                        + ")");
            }
            if (!reviews.shorten(assignmentId, endsAt.toEpochMilli(), now)) {
                throw new ProblemException(ProblemKind.CONFLICT, "The assignment changed meanwhile; reload and decide "
                        + "again");
            }
            events.record(AccessEvents.CARE_TEAM, "shorten", Action.U, Outcome.SUCCESS, reviewer, origin,
                    "CareTeamAssignment", assignmentId, row.patientId(), null, REASON);
            return null;
        });
    }

    private AssignmentRow assignment(Actor reviewer, String assignmentId, String userId) {
        if (reviewer == null || reviewer.kind() != Actor.Kind.USER) {
            throw new ProblemException(ProblemKind.FORBIDDEN, "Only a signed-in reviewer decides access-review items");
        }
        AssignmentRow row = store.assignment(assignmentId).orElseThrow(() -> new ProblemException(
                ProblemKind.NOT_FOUND, "No care-team assignment with id " + assignmentId));
        if (!row.userId().equals(userId)) {
            throw new ProblemException(ProblemKind.CONFLICT, "The assignment belongs to another user than the item "
                    + "names");
        }
        if (reviewer.id().equals(row.userId())) {
            throw new ProblemException(ProblemKind.FORBIDDEN, "Nobody reviews their own entitlements");
        }
        return row;
    }
}
