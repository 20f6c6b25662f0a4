package dev.safeguard.program;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.identity.Role;
import dev.safeguard.identity.Workforce;
import dev.safeguard.program.internal.ProgramEvents;
import dev.safeguard.program.internal.ProgramRoles;
import dev.safeguard.program.review.ActivitySummaries;
import dev.safeguard.program.review.ReviewPeriods;
import dev.safeguard.program.review.ReviewStore;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import dev.safeguard.shared.SecurityEvent.Action;
import dev.safeguard.shared.SecurityEvent.Agent;
import dev.safeguard.shared.SecurityEvent.Outcome;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import tools.jackson.databind.ObjectMapper;

/**
 * Information system activity review (164.308(a)(1)(ii)(D)): a review task per period (weekly by default, opened
 * when the period ends, or on request for any past period) holding the audit trail's summary for the period, and
 * the named reviewer's one-time sign-off.
 *
 * <p>Guarantees: the summary is computed once, when the review is opened, from the audit module's counts (ids and
 * counts, no PHI). Only the named reviewer signs off, once, with notes; the sign-off, its signed attestation evidence
 * (controls 164.308(a)(1)(ii)(D) and 164.312(b), holding summary and notes) and its audit event commit together or
 * not at all. Reading needs a program reader, opening and signing off a program writer.
 */
@Service
public class ActivityReviews {

    /** The audit event type of opening and signing off reviews. */
    public static final String EVENT_TYPE = "program-activity-review";
    /** A review is due this long after its period ends. */
    public static final Duration DUE_AFTER = Duration.ofDays(7);
    static final List<String> CONTROLS = List.of("164.308(a)(1)(ii)(D)", "164.312(b)");
    static final int MAX_NOTES = 4000;
    static final int MAX_LIST = 500;
    static final Duration MAX_PERIOD = Duration.ofDays(366);

    private final ReviewStore store;
    private final ActivitySummaries summaries;
    private final ReviewPeriods periods;
    private final Workforce workforce;
    private final Evidence evidence;
    private final ProgramEvents events;
    private final ObjectMapper json;
    private final Clock clock;

    ActivityReviews(ReviewStore store, ActivitySummaries summaries, ReviewPeriods periods, Workforce workforce,
                    Evidence evidence, ProgramEvents events, ObjectMapper json, Clock clock) {
        this.store = store;
        this.summaries = summaries;
        this.periods = periods;
        this.workforce = workforce;
        this.evidence = evidence;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /** Reviews, newest period first (at most 500), optionally only those of one status. */
    public List<ActivityReview> list(Actor actor, String status) {
        ProgramRoles.requireReader(actor);
        String only = status == null || status.isBlank() ? null : Fields.oneOf(status, "status",
                List.of(ActivityReview.OPEN, ActivityReview.OVERDUE, ActivityReview.SIGNED), null);
        return store.list(MAX_LIST).stream().map(this::view).filter(r -> only == null || r.status().equals(only))
                .toList();
    }

    public ActivityReview get(Actor actor, String id) {
        ProgramRoles.requireReader(actor);
        return view(row(id));
    }

    /**
     * Opens a review of a past period on an officer's request.
     *
     * @param reviewerId an active security or compliance officer; {@code null} for the security official
     */
    public ActivityReview open(Actor actor, Instant from, Instant to, String reviewerId, RequestOrigin origin) {
        ProgramRoles.requireWriter(actor);
        if (from == null || to == null) {
            throw new ProblemException(ProblemKind.VALIDATION, "Give the period as from and to (ISO-8601 instants)");
        }
        if (!from.isBefore(to) || Duration.between(from, to).compareTo(MAX_PERIOD) > 0) {
            throw new ProblemException(ProblemKind.VALIDATION, "The period must start before it ends and last at most "
                    + MAX_PERIOD.toDays() + " days; got " + from + " to " + to);
        }
        if (to.isAfter(clock.instant())) {
            throw new ProblemException(ProblemKind.VALIDATION, "The period must have ended; " + to + " is in the "
                    + "future");
        }
        String reviewer = reviewer(reviewerId);
        return create(from, to, "requested", reviewer, actor.id(), ProgramEvents.agent(actor, origin));
    }

    /**
     * Opens the review of the latest period that ended, unless it exists or no security official is assigned yet.
     * For the schedule.
     */
    public Optional<ActivityReview> openDue() {
        ReviewPeriods.Period last = periods.latestEnded(clock.instant());
        if (store.exists(last.from().toEpochMilli(), last.to().toEpochMilli())) {
            return Optional.empty();
        }
        Optional<Workforce.Member> official = workforce.securityOfficial().filter(Workforce.Member::active);
        if (official.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(create(last.from(), last.to(), "scheduled", official.get().id(), null,
                ProgramEvents.system("activity-review")));
    }

    /** Signs a review off with the reviewer's notes (1 to 4,000 characters); once. */
    public ActivityReview signOff(Actor actor, String id, String notes, RequestOrigin origin) {
        ProgramRoles.requireWriter(actor);
        String clean = Fields.required(notes == null ? null : notes.replace("\r\n", "\n"), "notes", MAX_NOTES);
        ActivityReview review = view(row(id));
        if (review.signedOffAt() != null) {
            throw signedAlready(review);
        }
        if (!review.reviewerId().equals(actor.id())) {
            throw new ProblemException(ProblemKind.FORBIDDEN, "Review " + id + " is assigned to another reviewer ("
                    + review.reviewerId() + "); only the named reviewer signs it off");
        }
        Instant now = clock.instant();
        EvidenceDraft draft = new EvidenceDraft(CONTROLS, EvidenceKind.ATTESTATION, review.periodFrom(),
                review.periodTo(), EvidenceResult.PASS, "Information system activity review of " + review.periodFrom()
                + " to " + review.periodTo() + " signed off by the reviewer", content(review, clean, actor, now),
                "application/json", null, null);
        return events.atomically(() -> {
            EvidenceRecord record = evidence.submit(actor, draft, origin);
            if (!store.signOff(id, now.toEpochMilli(), actor.id(), clean, record.id())) {
                throw signedAlready(review);
            }
            events.record(EVENT_TYPE, "sign-off", Action.U, Outcome.SUCCESS, ProgramEvents.agent(actor, origin),
                    "ActivityReview", id, null, null);
            return view(row(id));
        });
    }

    /** When a review was last signed off, for the evaluation check. */
    public Optional<Instant> lastSignOff() {
        return store.latestSignOff().map(Instant::ofEpochMilli);
    }

    private ActivityReview create(Instant from, Instant to, String kind, String reviewer, String createdBy,
                                  Agent agent) {
        ActivitySummary summary = summaries.summarize(from, to);
        String id = UUID.randomUUID().toString();
        long now = clock.millis();
        ReviewStore.Row row = new ReviewStore.Row(id, from.toEpochMilli(), to.toEpochMilli(), kind, reviewer, now,
                createdBy, to.plus(DUE_AFTER).toEpochMilli(), json.writeValueAsString(summary), null, null, null,
                null);
        // The existence check and the insert run under the audit trail's atomic lock, so two openings of one
        // period cannot both pass the check.
        return events.atomically(() -> {
            if (store.exists(row.periodFrom(), row.periodTo())) {
                throw new ProblemException(ProblemKind.CONFLICT, "A review of " + from + " to " + to
                        + " exists already");
            }
            store.insert(row);
            events.record(EVENT_TYPE, "open", Action.C, Outcome.SUCCESS, agent, "ActivityReview", id, null, null);
            return view(row);
        });
    }

    private String reviewer(String reviewerId) {
        if (reviewerId == null || reviewerId.isBlank()) {
            return workforce.securityOfficial().filter(Workforce.Member::active).map(Workforce.Member::id)
                    .orElseThrow(() -> new ProblemException(ProblemKind.VALIDATION, "No security official is "
                            + "assigned; name the reviewer (reviewerId)"));
        }
        return workforce.find(reviewerId.strip()).filter(m -> m.active() && (m.has(Role.SECURITY_OFFICER)
                || m.has(Role.COMPLIANCE_OFFICER))).map(Workforce.Member::id).orElseThrow(() ->
                new ProblemException(ProblemKind.VALIDATION, "The reviewer must be an active security or compliance "
                        + "officer; " + Fields.abbreviated(reviewerId) + " is not"));
    }

    private byte[] content(ActivityReview review, String notes, Actor actor, Instant now) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("review", review.id());
        content.put("periodFrom", review.periodFrom().toString());
        content.put("periodTo", review.periodTo().toString());
        content.put("reviewer", actor.id());
        content.put("signedOffAt", now.toString());
        content.put("notes", notes);
        content.put("summary", review.summary());
        return json.writeValueAsString(content).getBytes(StandardCharsets.UTF_8);
    }

    private ReviewStore.Row row(String id) {
        return store.find(id).orElseThrow(() -> new ProblemException(ProblemKind.NOT_FOUND, "No activity review "
                + Fields.abbreviated(String.valueOf(id))));
    }

    private static ProblemException signedAlready(ActivityReview review) {
        return new ProblemException(ProblemKind.CONFLICT, "Review " + review.id() + " was signed off already at "
                + review.signedOffAt() + "; a sign-off is final");
    }

    private ActivityReview view(ReviewStore.Row r) {
        String status = r.signedOffAt() != null ? ActivityReview.SIGNED
                : clock.millis() > r.dueAt() ? ActivityReview.OVERDUE : ActivityReview.OPEN;
        return new ActivityReview(r.id(), Instant.ofEpochMilli(r.periodFrom()), Instant.ofEpochMilli(r.periodTo()),
                r.origin(), r.reviewerId(), Instant.ofEpochMilli(r.createdAt()), r.createdBy(),
                Instant.ofEpochMilli(r.dueAt()), status, r.signedOffAt() == null ? null
                : Instant.ofEpochMilli(r.signedOffAt()), r.signedOffBy(), r.notes(), r.evidenceId(),
                json.readValue(r.summary(), ActivitySummary.class));
    }
}
