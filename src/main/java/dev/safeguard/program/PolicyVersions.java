package dev.safeguard.program;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.identity.Role;
import dev.safeguard.identity.Workforce;
import dev.safeguard.program.internal.ProgramEvents;
import dev.safeguard.program.internal.ProgramRoles;
import dev.safeguard.program.policies.AcknowledgmentStore;
import dev.safeguard.program.policies.PolicyStore;
import dev.safeguard.program.policies.PolicyVersionStore;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import dev.safeguard.shared.SecurityEvent.Action;
import dev.safeguard.shared.SecurityEvent.Agent;
import dev.safeguard.shared.SecurityEvent.Outcome;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import dev.safeguard.platform.StoreRefusals;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

/**
 * The versions of a policy document: {@code draft → approved → effective → superseded}.
 *
 * <p>Guarantees: only a draft's text changes. A version is approved by a named approver, an active security or
 * compliance officer who is neither its creator nor its last editor, and the approval is signed evidence holding the
 * text and its SHA-256. An approved version takes effect on its effective date (at once, or when the date comes);
 * the previous effective version then becomes superseded in the same transaction, and everyone must acknowledge the
 * new one. No version is deleted before six years after its creation or the date it stopped being effective
 * (164.316(b)(2)(i)): the service answers 409 with the date it becomes deletable, and the database refuses it too.
 * Every change commits with its audit event or not at all.
 */
@Service
public class PolicyVersions {

    static final int MAX_SUMMARY = 500;
    static final int MAX_NOTE = 2000;

    private final PolicyStore policies;
    private final PolicyVersionStore versions;
    private final AcknowledgmentStore acknowledgments;
    private final PolicyViews views;
    private final PolicyEvidence evidence;
    private final Workforce workforce;
    private final ProgramEvents events;
    private final Clock clock;

    PolicyVersions(PolicyStore policies, PolicyVersionStore versions, AcknowledgmentStore acknowledgments,
                   PolicyViews views, PolicyEvidence evidence, Workforce workforce, ProgramEvents events,
                   Clock clock) {
        this.policies = policies;
        this.versions = versions;
        this.acknowledgments = acknowledgments;
        this.views = views;
        this.evidence = evidence;
        this.workforce = workforce;
        this.events = events;
        this.clock = clock;
    }

    public PolicyVersion get(Actor actor, String policyId, int version) {
        ProgramRoles.requireReader(actor);
        return views.version(views.versionRow(views.policyRow(policyId), version));
    }

    /**
     * Starts a new draft: {@code markdown}, or the text of the version in force (else of the newest version).
     * Refused (409) while a draft or approved version is pending.
     */
    public PolicyVersion start(Actor actor, String policyId, String markdown, String summary, RequestOrigin origin) {
        ProgramRoles.requireWriter(actor);
        PolicyStore.Row policy = views.policyRow(policyId);
        String given = markdown == null || markdown.isBlank() ? null : Policies.markdown(markdown);
        String cleanSummary = Fields.optional(summary, "change summary", MAX_SUMMARY);
        long now = clock.millis();
        return events.atomically(() -> {
            views.pending(policy.id()).ifPresent(p -> {
                throw new ProblemException(ProblemKind.CONFLICT, "Version " + p.version() + " of this policy is "
                        + p.state() + " and not yet in force; edit or finish it before starting another");
            });
            String text = given != null ? given : views.effective(policy.id()).or(() -> versions.list(policy.id())
                    .stream().findFirst()).map(PolicyVersionStore.Row::markdown).orElseThrow(() ->
                    new ProblemException(ProblemKind.VALIDATION, "Give the new version's text (markdown)"));
            int next = policies.nextVersion(policy.id());
            try {
                versions.insertDraft(policy.id(), next, text, Policies.sha256(text), cleanSummary, now, actor.id(),
                        PolicyViews.retainUntil(now, null));
            } catch (DataAccessException e) {
                if (!StoreRefusals.refused(e)) {
                    throw e;
                }
                throw new ProblemException(ProblemKind.CONFLICT, "Another version of this policy was started just "
                        + "now; edit that one", null, Map.of(), e);
            }
            events.record(Policies.EVENT_TYPE, "version-create", Action.C, Outcome.SUCCESS,
                    ProgramEvents.agent(actor, origin), "Policy", policy.id(), Integer.toString(next), null);
            return views.version(views.versionRow(policy, next));
        });
    }

    /**
     * Replaces a draft's text.
     *
     * @param baseSha256 the SHA-256 of the text the editor started from; when given and no longer current, 409
     */
    public PolicyVersion edit(Actor actor, String policyId, int version, String markdown, String summary,
                              String baseSha256, RequestOrigin origin) {
        ProgramRoles.requireWriter(actor);
        PolicyStore.Row policy = views.policyRow(policyId);
        PolicyVersionStore.Row v = views.versionRow(policy, version);
        requireDraft(v);
        String text = Policies.markdown(markdown);
        String cleanSummary = Fields.optional(summary, "change summary", MAX_SUMMARY);
        String base = baseSha256 == null || baseSha256.isBlank() ? v.contentSha256() : baseSha256.strip();
        if (!base.equals(v.contentSha256())) {
            throw stale(v);
        }
        long now = clock.millis();
        return events.atomically(() -> {
            if (!versions.editDraft(policy.id(), version, base, text, Policies.sha256(text), cleanSummary, now,
                    actor.id())) {
                throw stale(v);
            }
            events.record(Policies.EVENT_TYPE, "version-edit", Action.U, Outcome.SUCCESS,
                    ProgramEvents.agent(actor, origin), "Policy", policy.id(), Integer.toString(version), null);
            return views.version(views.versionRow(policy, version));
        });
    }

    /** Approves a draft as the signed-in officer, who must not be its author; recorded as signed evidence. */
    public PolicyVersion approve(Actor actor, String policyId, int version, String note, RequestOrigin origin) {
        ProgramRoles.requireWriter(actor);
        PolicyStore.Row policy = views.policyRow(policyId);
        PolicyVersionStore.Row v = views.versionRow(policy, version);
        requireDraft(v);
        if (actor.id().equals(v.createdBy()) || actor.id().equals(v.editedBy())) {
            throw new ProblemException(ProblemKind.FORBIDDEN, "You wrote version " + version + " of this policy; "
                    + "another security or compliance officer must approve it");
        }
        workforce.find(actor.id()).filter(m -> m.active() && (m.has(Role.SECURITY_OFFICER)
                || m.has(Role.COMPLIANCE_OFFICER))).orElseThrow(() -> new ProblemException(ProblemKind.FORBIDDEN,
                "The approver must be an active security or compliance officer"));
        String cleanNote = Fields.optional(note, "approval note", MAX_NOTE);
        long now = clock.millis();
        return events.atomically(() -> {
            EvidenceRecord record = evidence.approval(actor, policy, v, cleanNote, origin);
            if (!versions.approve(policy.id(), version, v.contentSha256(), now, actor.id(), cleanNote, record.id())) {
                throw stale(v);
            }
            events.record(Policies.EVENT_TYPE, "approve", Action.U, Outcome.SUCCESS,
                    ProgramEvents.agent(actor, origin), "Policy", policy.id(), Integer.toString(version), null);
            return views.version(views.versionRow(policy, version));
        });
    }

    /**
     * Makes an approved version effective on {@code effectiveOn} (default today, UTC; not before its approval and at
     * most a year ahead): at once when the date has come, else when it comes. Recorded as signed evidence.
     */
    public PolicyVersion makeEffective(Actor actor, String policyId, int version, LocalDate effectiveOn,
                                       RequestOrigin origin) {
        ProgramRoles.requireWriter(actor);
        PolicyStore.Row policy = views.policyRow(policyId);
        PolicyVersionStore.Row v = views.versionRow(policy, version);
        if (!v.state().equals(PolicyVersion.APPROVED)) {
            throw new ProblemException(ProblemKind.CONFLICT, switch (v.state()) {
                case PolicyVersion.DRAFT -> "Version " + version + " is a draft; it must be approved first";
                case PolicyVersion.EFFECTIVE -> "Version " + version + " is in force already";
                default -> "Version " + version + " was superseded and never returns; start a new version";
            });
        }
        LocalDate today = views.today();
        LocalDate on = effectiveOn == null ? today : effectiveOn;
        LocalDate approved = LocalDate.ofInstant(Instant.ofEpochMilli(v.approvedAt()), ZoneOffset.UTC);
        if (on.isBefore(approved) || on.isAfter(today.plusYears(1))) {
            throw new ProblemException(ProblemKind.VALIDATION, "The effective date must be between the approval ("
                    + approved + ") and a year from today (" + today.plusYears(1) + "); got " + on);
        }
        Agent agent = ProgramEvents.agent(actor, origin);
        return events.atomically(() -> {
            Integer supersedes = on.isAfter(today) ? null : views.effective(policy.id())
                    .map(PolicyVersionStore.Row::version).orElse(null);
            EvidenceRecord record = evidence.effective(actor, policy, v, on, supersedes, origin);
            if (!versions.schedule(policy.id(), version, on.toString(), actor.id(), record.id())) {
                throw stale(v);
            }
            if (on.isAfter(today)) {
                events.record(Policies.EVENT_TYPE, "schedule", Action.U, Outcome.SUCCESS, agent, "Policy",
                        policy.id(), Integer.toString(version), null);
            } else {
                activate(policy, version, agent);
            }
            return views.version(views.versionRow(policy, version));
        });
    }

    /** Makes every approved version whose effective date has come effective; for the schedule. */
    public int activateDue() {
        int activated = 0;
        for (PolicyVersionStore.Row due : versions.scheduledBy(views.today().toString())) {
            PolicyStore.Row policy = views.policyRow(due.policyId());
            boolean done = events.atomically(() -> versions.find(due.policyId(), due.version())
                    .filter(v -> v.state().equals(PolicyVersion.APPROVED)).map(v -> {
                        activate(policy, v.version(), ProgramEvents.system("policy-activation"));
                        return true;
                    }).orElse(false));
            activated += done ? 1 : 0;
        }
        return activated;
    }

    /**
     * Deletes a version whose retention has ended. Before that: 409 with the date it becomes deletable (in the
     * problem's {@code deletableFrom}); the version in force: 409.
     */
    public void delete(Actor actor, String policyId, int version, RequestOrigin origin) {
        ProgramRoles.requireWriter(actor);
        PolicyStore.Row policy = views.policyRow(policyId);
        PolicyVersionStore.Row v = views.versionRow(policy, version);
        if (v.retainUntil() == null) {
            throw new ProblemException(ProblemKind.CONFLICT, "Version " + version + " is in force; it is retained "
                    + "while effective and for six years after it is superseded (45 CFR 164.316(b)(2)(i))");
        }
        Instant until = Instant.ofEpochMilli(v.retainUntil());
        if (clock.instant().isBefore(until)) {
            throw new ProblemException(ProblemKind.CONFLICT, "Version " + version + " is retained until " + until
                    + ": six years after its creation or the date it stopped being effective, whichever is later (45 "
                    + "CFR 164.316(b)(2)(i)). It can be deleted from then.", null,
                    Map.of("deletableFrom", until.toString()));
        }
        events.atomically(() -> {
            try {
                acknowledgments.deleteOf(policy.id(), version);
                if (!versions.delete(policy.id(), version)) {
                    throw new ProblemException(ProblemKind.NOT_FOUND, "Policy " + policy.id() + " has no version "
                            + version);
                }
            } catch (DataAccessException e) {
                if (!StoreRefusals.refused(e)) {
                    throw e;
                }
                throw new ProblemException(ProblemKind.CONFLICT, "The database refuses to delete version " + version
                        + " before its retention date " + until + " by its own clock; nothing was deleted", null,
                        Map.of("deletableFrom", until.toString()), e);
            }
            events.record(Policies.EVENT_TYPE, "version-delete", Action.D, Outcome.SUCCESS,
                    ProgramEvents.agent(actor, origin), "Policy", policy.id(), Integer.toString(version), null);
            return null;
        });
    }

    /** Supersedes the version in force (if any) and makes {@code version} effective; inside the caller's transaction. */
    private void activate(PolicyStore.Row policy, int version, Agent agent) {
        long now = clock.millis();
        Optional<PolicyVersionStore.Row> previous = views.effective(policy.id());
        if (previous.isPresent()) {
            PolicyVersionStore.Row old = previous.get();
            if (!versions.supersede(policy.id(), old.version(), now, version, PolicyViews.retainUntil(old.createdAt(),
                    now))) {
                throw new ProblemException(ProblemKind.CONFLICT, "Version " + old.version() + " changed meanwhile; "
                        + "try again");
            }
            events.record(Policies.EVENT_TYPE, "supersede", Action.U, Outcome.SUCCESS, agent, "Policy", policy.id(),
                    Integer.toString(old.version()), null);
        }
        if (!versions.activate(policy.id(), version, now)) {
            throw new ProblemException(ProblemKind.CONFLICT, "Version " + version + " changed meanwhile; try again");
        }
        events.record(Policies.EVENT_TYPE, "effective", Action.U, Outcome.SUCCESS, agent, "Policy", policy.id(),
                Integer.toString(version), null);
    }

    private static void requireDraft(PolicyVersionStore.Row v) {
        if (!v.state().equals(PolicyVersion.DRAFT)) {
            throw new ProblemException(ProblemKind.CONFLICT, "Version " + v.version() + " is " + v.state()
                    + "; approved, effective and superseded versions never change. Start a new version instead.");
        }
    }

    private static ProblemException stale(PolicyVersionStore.Row v) {
        return new ProblemException(ProblemKind.CONFLICT, "Version " + v.version() + " changed meanwhile (it was "
                + "edited, approved or made effective by someone else); reload it and try again");
    }
}
