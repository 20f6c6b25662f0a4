package dev.safeguard.access;

import dev.safeguard.access.internal.AccessEvents;
import dev.safeguard.access.internal.AccessStore;
import dev.safeguard.access.internal.AccessStore.AssignmentRow;
import dev.safeguard.identity.Accounts;
import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.identity.Role;
import dev.safeguard.identity.UserView;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import dev.safeguard.shared.SecurityEvent.Action;
import dev.safeguard.shared.SecurityEvent.Outcome;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * Care-team assignments (164.308(a)(4) access authorization and establishment): which clinician may reach which
 * patient's records, from when until when. Managed by security officers; every change is audited in the same
 * transaction; assignments are ended, never deleted, so the history of who could see whom stays.
 */
@Service
public class CareTeam {

    static final int MAX_LIST = 500;
    static final Pattern PATIENT_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

    private final AccessStore store;
    private final AccessEvents events;
    private final Accounts accounts;
    private final PatientDirectory patients;
    private final Clock clock;

    CareTeam(AccessStore store, AccessEvents events, Accounts accounts, PatientDirectory patients, Clock clock) {
        this.store = store;
        this.events = events;
        this.accounts = accounts;
        this.patients = patients;
        this.clock = clock;
    }

    /**
     * Assigns a clinician to a patient.
     *
     * @param startsAt when the assignment starts ({@code null}: now)
     * @param endsAt   when it ends ({@code null}: open-ended); must be after the start and in the future
     */
    public CareTeamAssignment assign(Actor actor, String userId, String patientId, Instant startsAt, Instant endsAt,
                                     RequestOrigin origin) {
        requireOfficer(actor);
        UserView user = user(actor, userId);
        if (!"active".equals(user.status())) {
            throw new ProblemException(ProblemKind.VALIDATION, "The user's account is not active");
        }
        if (!user.roles().contains(Role.CLINICIAN.id())) {
            throw new ProblemException(ProblemKind.VALIDATION, "Only clinicians are assigned to care teams; staff "
                    + "reach demographics and scheduling without an assignment");
        }
        requirePatient(patients, patientId);
        Instant now = clock.instant();
        Instant start = startsAt == null ? now : startsAt;
        if (endsAt != null && (!endsAt.isAfter(start) || !endsAt.isAfter(now))) {
            throw new ProblemException(ProblemKind.VALIDATION, "The end must be after the start and in the future");
        }
        AssignmentRow row = new AssignmentRow(UUID.randomUUID().toString(), userId, patientId, start.toEpochMilli(),
                endsAt == null ? null : endsAt.toEpochMilli(), now.toEpochMilli(), actor.id(), null, null);
        return events.atomically(() -> {
            store.insert(row);
            events.record(AccessEvents.CARE_TEAM, "assign", Action.C, Outcome.SUCCESS, actor, origin,
                    "CareTeamAssignment", row.id(), patientId, null, null);
            return view(row, now.toEpochMilli());
        });
    }

    /** Ends an assignment at once (the clinician loses access with their next request). */
    public CareTeamAssignment end(Actor actor, String assignmentId, RequestOrigin origin) {
        requireOfficer(actor);
        return events.atomically(() -> {
            AssignmentRow row = store.assignment(assignmentId).orElseThrow(() -> new ProblemException(
                    ProblemKind.NOT_FOUND, "No care-team assignment with id " + assignmentId));
            long now = clock.millis();
            if (store.endAssignment(assignmentId, now, actor.id())) {
                events.record(AccessEvents.CARE_TEAM, "end", Action.U, Outcome.SUCCESS, actor, origin,
                        "CareTeamAssignment", row.id(), row.patientId(), null, null);
            }
            return view(store.assignment(assignmentId).orElseThrow(), now);
        });
    }

    /** Assignments, newest first, optionally of one user or one patient; at most 500. */
    public List<CareTeamAssignment> list(Actor actor, String userId, String patientId) {
        requireOfficer(actor);
        long now = clock.millis();
        return store.assignments(blankToNull(userId), blankToNull(patientId), MAX_LIST).stream()
                .map(r -> view(r, now)).toList();
    }

    /** The signed-in user's own assignments in force or scheduled. */
    public List<CareTeamAssignment> mine(Actor actor) {
        long now = clock.millis();
        return store.assignments(actor.id(), null, MAX_LIST).stream().map(r -> view(r, now))
                .filter(a -> a.state().equals("active") || a.state().equals("scheduled")).toList();
    }

    static void requirePatient(PatientDirectory patients, String patientId) {
        if (patientId == null || !PATIENT_ID.matcher(patientId).matches()) {
            throw new ProblemException(ProblemKind.VALIDATION, "Give the patient as its Patient id (letters, digits, "
                    + "'-' and '.', at most 64 characters)");
        }
        if (!patients.exists(patientId)) {
            throw new ProblemException(ProblemKind.VALIDATION, "No patient with id " + patientId);
        }
    }

    static void requireOfficer(Actor actor) {
        if (actor == null || actor.kind() != Actor.Kind.USER || !actor.has(Role.SECURITY_OFFICER)) {
            throw new ProblemException(ProblemKind.FORBIDDEN, "Only security officers manage access to patients");
        }
    }

    private UserView user(Actor actor, String userId) {
        if (userId == null || userId.isBlank()) {
            throw new ProblemException(ProblemKind.VALIDATION, "Give the user to assign");
        }
        try {
            return accounts.get(actor, userId);
        } catch (ProblemException e) {
            if (e.kind() == ProblemKind.NOT_FOUND) {
                throw new ProblemException(ProblemKind.VALIDATION, "No user with id " + userId);
            }
            throw e;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static CareTeamAssignment view(AssignmentRow r, long now) {
        String state = r.endedAt() != null ? "ended" : r.startsAt() > now ? "scheduled"
                : r.endsAt() != null && r.endsAt() <= now ? "expired" : "active";
        return new CareTeamAssignment(r.id(), r.userId(), r.patientId(), Instant.ofEpochMilli(r.startsAt()),
                r.endsAt() == null ? null : Instant.ofEpochMilli(r.endsAt()), Instant.ofEpochMilli(r.createdAt()),
                r.createdBy(), r.endedAt() == null ? null : Instant.ofEpochMilli(r.endedAt()), r.endedBy(), state);
    }
}
