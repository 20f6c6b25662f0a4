package dev.safeguard.program;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.identity.Workforce;
import dev.safeguard.program.internal.ProgramEvents;
import dev.safeguard.program.internal.ProgramRoles;
import dev.safeguard.program.policies.PolicyReviewStore;
import dev.safeguard.program.policies.PolicyStore;
import dev.safeguard.program.policies.PolicyVersionStore;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import dev.safeguard.shared.SecurityEvent.Action;
import dev.safeguard.shared.SecurityEvent.Outcome;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import dev.safeguard.platform.StoreRefusals;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

/**
 * Policies and procedures (164.316(a)): the organization's policy documents, what describes each (title, owner, the
 * catalog citations it implements, review cadence, whether the workforce acknowledges it) and its periodic review.
 * Versions are {@link PolicyVersions}; acknowledgments {@link PolicyAcknowledgments}.
 *
 * <p>Guarantees: program readers read; security and compliance officers write. Every change commits with its audit
 * event ({@code program-policy}, ids and version numbers only) or not at all. A policy is created with a draft
 * version 1, from a shipped template (placeholders filled) or from the officer's text; at most one policy per core
 * topic. A review ("reviewed, no change", or "revise", which starts a new draft) is recorded against the version in
 * force, as signed attestation evidence, and moves the next review date.
 */
@Service
public class Policies {

    /** The audit event type of every change to policies, versions and acknowledgments. */
    public static final String EVENT_TYPE = "program-policy";
    static final int MAX_TITLE = 200;
    static final int MAX_CITATIONS = 40;
    static final int MAX_NOTES = 4000;
    static final int MAX_MARKDOWN = 200_000;
    static final int DEFAULT_REVIEW_MONTHS = 12;

    private final PolicyStore policies;
    private final PolicyVersionStore versions;
    private final PolicyReviewStore reviews;
    private final PolicyViews views;
    private final PolicyTemplates templates;
    private final PolicyEvidence evidence;
    private final Catalog catalog;
    private final Workforce workforce;
    private final ProgramEvents events;
    private final Clock clock;

    Policies(PolicyStore policies, PolicyVersionStore versions, PolicyReviewStore reviews, PolicyViews views,
             PolicyTemplates templates, PolicyEvidence evidence, Catalog catalog, Workforce workforce,
             ProgramEvents events, Clock clock) {
        this.policies = policies;
        this.versions = versions;
        this.reviews = reviews;
        this.views = views;
        this.templates = templates;
        this.evidence = evidence;
        this.catalog = catalog;
        this.workforce = workforce;
        this.events = events;
        this.clock = clock;
    }

    /** Every policy, by title, with its state, next review and coverage. */
    public List<Policy> list(Actor actor) {
        ProgramRoles.requireReader(actor);
        return all();
    }

    /** Every policy, for the evaluation checks and metrics. */
    public List<Policy> all() {
        return views.policies(policies.list());
    }

    public PolicyDetail get(Actor actor, String id) {
        ProgramRoles.requireReader(actor);
        return views.detail(views.policyRow(id));
    }

    /** Creates a policy with its draft version 1. */
    public PolicyDetail create(Actor actor, PolicyDraft draft, RequestOrigin origin) {
        ProgramRoles.requireWriter(actor);
        if (draft == null) {
            throw new ProblemException(ProblemKind.VALIDATION, "Give a template, or a title, citations and markdown");
        }
        PolicyTemplate template = null;
        if (draft.template() != null && !draft.template().isBlank()) {
            template = templates.find(draft.template()).orElseThrow(() -> new ProblemException(ProblemKind.VALIDATION,
                    "No policy template '" + Fields.abbreviated(draft.template().strip()) + "'; the templates are "
                            + String.join(", ", templates.all().stream().map(PolicyTemplate::id).toList())));
        }
        String topic = template != null ? template.id() : topic(draft.topic());
        String title = Fields.required(draft.title() != null ? draft.title() : template == null ? null
                : template.title(), "title", MAX_TITLE);
        List<String> citations = citations(draft.citations() != null ? draft.citations() : template == null
                ? List.of() : template.citations());
        int reviewMonths = reviewMonths(draft.reviewMonths() != null ? draft.reviewMonths() : template == null
                ? DEFAULT_REVIEW_MONTHS : template.reviewMonths());
        boolean acknowledgment = draft.acknowledgmentRequired() != null ? draft.acknowledgmentRequired()
                : template == null || template.acknowledgmentRequired();
        String owner = owner(draft.ownerId() == null || draft.ownerId().isBlank() ? actor.id() : draft.ownerId());
        String organization = Fields.optional(draft.organization(), "organization", MAX_TITLE);
        if (organization != null && (organization.contains("{{") || organization.contains("\n"))) {
            throw new ProblemException(ProblemKind.VALIDATION, "The organization is one line without '{{'");
        }
        String markdown;
        if (draft.markdown() != null && !draft.markdown().isBlank()) {
            markdown = markdown(draft.markdown());
        } else if (template != null) {
            markdown = templates.fill(template, organization);
        } else {
            throw new ProblemException(ProblemKind.VALIDATION, "Give the policy's text (markdown), or a template");
        }
        long now = clock.millis();
        String id = UUID.randomUUID().toString();
        String summary = template == null ? "Written from scratch" : "Created from the " + template.id() + " template";
        String text = markdown;
        return events.atomically(() -> {
            if (topic != null) {
                policies.findByTopic(topic).ifPresent(existing -> {
                    throw new ProblemException(ProblemKind.CONFLICT, "The " + topic + " policy exists already ("
                            + existing.id() + "); start a new version of it instead");
                });
            }
            try {
                policies.insert(new PolicyStore.Row(id, topic, title, owner, citations, reviewMonths, acknowledgment,
                        1, now, actor.id(), now, actor.id()));
            } catch (DataAccessException e) {
                if (!StoreRefusals.refused(e)) {
                    throw e;
                }
                throw new ProblemException(ProblemKind.CONFLICT, "The " + topic + " policy was created by someone "
                        + "else just now; start a new version of it instead", null, java.util.Map.of(), e);
            }
            versions.insertDraft(id, 1, text, sha256(text), summary, now, actor.id(),
                    PolicyViews.retainUntil(now, null));
            events.record(EVENT_TYPE, "create", Action.C, Outcome.SUCCESS, ProgramEvents.agent(actor, origin),
                    "Policy", id, "1", null);
            return views.detail(views.policyRow(id));
        });
    }

    /**
     * Replaces what describes a policy (its versions are unchanged).
     *
     * @param citations at least one catalog citation it implements
     */
    public Policy update(Actor actor, String id, String title, String ownerId, List<String> citations,
                         Integer reviewMonths, Boolean acknowledgmentRequired, RequestOrigin origin) {
        ProgramRoles.requireWriter(actor);
        PolicyStore.Row before = views.policyRow(id);
        String cleanTitle = Fields.required(title, "title", MAX_TITLE);
        String owner = owner(ownerId);
        List<String> cited = citations(citations == null ? List.of() : citations);
        if (reviewMonths == null || acknowledgmentRequired == null) {
            throw new ProblemException(ProblemKind.VALIDATION, "Give reviewMonths (1 to 36) and "
                    + "acknowledgmentRequired (true or false)");
        }
        int months = reviewMonths(reviewMonths);
        long now = clock.millis();
        return events.atomically(() -> {
            policies.update(new PolicyStore.Row(before.id(), before.topic(), cleanTitle, owner, cited, months,
                    acknowledgmentRequired, before.lastVersion(), before.createdAt(), before.createdBy(), now,
                    actor.id()));
            events.record(EVENT_TYPE, "update", Action.U, Outcome.SUCCESS, ProgramEvents.agent(actor, origin),
                    "Policy", before.id(), null, null);
            return views.policy(views.policyRow(before.id()));
        });
    }

    /**
     * Records a review of the version in force: {@code no-change}, or {@code revise}, which also starts a new draft
     * from its text unless a draft or approved version is pending already.
     */
    public PolicyDetail review(Actor actor, String id, String outcome, String notes, RequestOrigin origin) {
        ProgramRoles.requireWriter(actor);
        PolicyStore.Row policy = views.policyRow(id);
        String result = Fields.oneOf(outcome, "outcome", List.of(PolicyReview.NO_CHANGE, PolicyReview.REVISE), null);
        String clean = Fields.required(notes == null ? null : notes.replace("\r\n", "\n"), "notes", MAX_NOTES);
        PolicyVersionStore.Row effective = views.effective(policy.id()).orElseThrow(() -> new ProblemException(
                ProblemKind.CONFLICT, "Policy " + policy.id() + " has no version in force to review; approve a version "
                + "and make it effective first"));
        long now = clock.millis();
        return events.atomically(() -> {
            EvidenceRecord record = evidence.review(actor, policy, effective, result, clean, origin);
            String reviewId = UUID.randomUUID().toString();
            reviews.insert(new PolicyReviewStore.Row(reviewId, policy.id(), effective.version(), now, actor.id(),
                    result, clean, record.id()));
            events.record(EVENT_TYPE, "review", Action.U, Outcome.SUCCESS, ProgramEvents.agent(actor, origin),
                    "Policy", policy.id(), Integer.toString(effective.version()), null);
            if (result.equals(PolicyReview.REVISE) && views.pending(policy.id()).isEmpty()) {
                int next = policies.nextVersion(policy.id());
                versions.insertDraft(policy.id(), next, effective.markdown(), effective.contentSha256(),
                        "Revision started by the review of version " + effective.version(), now, actor.id(),
                        PolicyViews.retainUntil(now, null));
                events.record(EVENT_TYPE, "version-create", Action.C, Outcome.SUCCESS,
                        ProgramEvents.agent(actor, origin), "Policy", policy.id(), Integer.toString(next), null);
            }
            return views.detail(views.policyRow(policy.id()));
        });
    }

    private String topic(String topic) {
        if (topic == null || topic.isBlank()) {
            return null;
        }
        String clean = topic.strip();
        if (!templates.isTopic(clean)) {
            throw new ProblemException(ProblemKind.VALIDATION, "The topic must be one of the core policies: "
                    + String.join(", ", templates.all().stream().map(PolicyTemplate::id).toList()) + "; got '"
                    + Fields.abbreviated(clean) + "'");
        }
        return clean;
    }

    private List<String> citations(List<String> given) {
        if (given.isEmpty()) {
            throw new ProblemException(ProblemKind.VALIDATION, "Name at least one catalog citation the policy "
                    + "implements, e.g. 164.308(a)(1)(ii)(C)");
        }
        if (given.size() > MAX_CITATIONS) {
            throw new ProblemException(ProblemKind.VALIDATION, "A policy cites at most " + MAX_CITATIONS
                    + " specifications; got " + given.size());
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String c : given) {
            ids.add(catalog.find(c, CatalogView.CURRENT).orElseThrow(() -> new ProblemException(ProblemKind.VALIDATION,
                    "No specification " + Fields.abbreviated(String.valueOf(c)) + " in the catalog; use a CFR "
                    + "citation such as 164.312(a)(2)(iii)")).id());
        }
        return List.copyOf(ids);
    }

    private String owner(String ownerId) {
        return workforce.find(ownerId == null ? null : ownerId.strip()).filter(Workforce.Member::active)
                .map(Workforce.Member::id).orElseThrow(() -> new ProblemException(ProblemKind.VALIDATION,
                        "The owner must be an active workforce member; " + Fields.abbreviated(String.valueOf(ownerId))
                                + " is not"));
    }

    private static int reviewMonths(int months) {
        if (months < 1 || months > 36) {
            throw new ProblemException(ProblemKind.VALIDATION, "The review cadence is 1 to 36 months; got " + months);
        }
        return months;
    }

    /** Markdown as stored: line ends normalized, 1 to 200,000 characters, no control characters but tab and LF. */
    static String markdown(String text) {
        String normalized = text == null ? null : text.replace("\r\n", "\n");
        if (normalized == null || normalized.isBlank()) {
            throw new ProblemException(ProblemKind.VALIDATION, "Give the policy's text (markdown)");
        }
        if (normalized.length() > MAX_MARKDOWN) {
            throw new ProblemException(ProblemKind.VALIDATION, "The policy's text can have at most " + MAX_MARKDOWN
                    + " characters; it has " + normalized.length());
        }
        if (normalized.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            throw new ProblemException(ProblemKind.VALIDATION, "The policy's text holds control characters");
        }
        return normalized.strip() + "\n";
    }

    static String sha256(String markdown) {
        return Evidence.sha256(markdown.getBytes(StandardCharsets.UTF_8));
    }
}
