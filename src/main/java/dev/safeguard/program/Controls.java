package dev.safeguard.program;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.program.controls.ControlRules;
import dev.safeguard.program.controls.ControlStore;
import dev.safeguard.program.evidence.EvidenceStore;
import dev.safeguard.program.internal.ProgramEvents;
import dev.safeguard.program.internal.ProgramRoles;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import dev.safeguard.shared.SecurityEvent.Action;
import dev.safeguard.shared.SecurityEvent.Outcome;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The organization's control for every catalog item and the 164.306(d) decision records of addressable
 * specifications.
 *
 * <p>Guarantees: nothing is updated in place. Every change is a new numbered version, written together with its
 * audit event in one transaction; a refused change writes nothing. A decision that departs from an addressable
 * specification (an equivalent alternative, or not reasonable and appropriate) always has a rationale, a named
 * approver who is a security or compliance officer, and a date. An addressable control is marked not applicable only
 * under a decision that it is not reasonable and appropriate.
 */
@Service
public class Controls {

    private final Catalog catalog;
    private final ControlStore store;
    private final ControlRules rules;
    private final EvidenceStore evidence;
    private final ProgramEvents events;
    private final Clock clock;

    Controls(Catalog catalog, ControlStore store, ControlRules rules, EvidenceStore evidence, ProgramEvents events,
             Clock clock) {
        this.catalog = catalog;
        this.store = store;
        this.rules = rules;
        this.evidence = evidence;
        this.events = events;
        this.clock = clock;
    }

    /** Every catalog item with its current control, in the order of the regulation. */
    public List<Control> list(Actor actor) {
        ProgramRoles.requireReader(actor);
        Map<String, ControlVersion> versions = store.latestOfAll();
        Map<String, Decision> decisions = store.latestDecisionOfAll();
        return catalog.specifications(CatalogView.CURRENT).stream()
                .map(s -> control(s, versions.get(s.id()), decisions.get(s.id()))).toList();
    }

    public Control get(Actor actor, String controlId) {
        ProgramRoles.requireReader(actor);
        Specification spec = catalog.specification(controlId, CatalogView.CURRENT);
        return control(spec, store.latest(spec.id()).orElse(null), store.latestDecision(spec.id()).orElse(null));
    }

    /** Every version of the control, newest first. */
    public List<ControlVersion> history(Actor actor, String controlId) {
        ProgramRoles.requireReader(actor);
        return store.versions(catalog.specification(controlId, CatalogView.CURRENT).id());
    }

    /** Every decision record of the specification, newest first. */
    public List<Decision> decisions(Actor actor, String controlId) {
        ProgramRoles.requireReader(actor);
        return store.decisions(catalog.specification(controlId, CatalogView.CURRENT).id());
    }

    /** Records a new version of the control (and the decision it carries, if any) with its audit events. */
    public ControlVersion update(Actor actor, String controlId, ControlChange change, RequestOrigin origin) {
        ProgramRoles.requireWriter(actor);
        Specification spec = catalog.specification(controlId, CatalogView.CURRENT);
        ControlStatus status = ControlStatus.of(change.status());
        String reason = ControlRules.blankToNull(change.notApplicableReason());
        if (status == ControlStatus.NOT_APPLICABLE && reason == null) {
            throw new ProblemException(ProblemKind.VALIDATION, "Say why " + spec.id() + " does not apply");
        }
        if (status != ControlStatus.NOT_APPLICABLE && reason != null) {
            throw new ProblemException(ProblemKind.VALIDATION, "A reason is recorded only with 'not-applicable'");
        }
        ControlRules.length(reason, ControlRules.MAX_REASON, "reason");
        ControlRules.length(change.implementation(), ControlRules.MAX_TEXT, "implementation description");
        String owner = ControlRules.blankToNull(change.ownerId());
        rules.checkOwner(owner);
        LocalDate today = today();
        if (change.nextReviewOn() != null && change.nextReviewOn().isBefore(today)) {
            throw new ProblemException(ProblemKind.VALIDATION, "The next review date " + change.nextReviewOn()
                    + " is in the past");
        }
        List<String> evidenceIds = change.evidenceIds().stream().map(String::strip).distinct().toList();
        DecisionKind decisionKind = change.decision() == null ? null : checkedDecision(spec, change.decision(), today);
        return events.atomically(() -> {
            ControlVersion latest = store.latest(spec.id()).orElse(null);
            int current = latest == null ? 0 : latest.version();
            if (change.baseVersion() != null && change.baseVersion() != current) {
                throw new ProblemException(ProblemKind.CONFLICT, "The control " + spec.id() + " is at version "
                        + current + ", not " + change.baseVersion() + "; reload and apply your change again");
            }
            for (String id : evidenceIds) {
                if (!evidence.covers(id, spec.id())) {
                    throw new ProblemException(ProblemKind.VALIDATION, "No evidence " + id + " covers " + spec.id());
                }
            }
            Decision decision = decisionKind == null ? null : insertDecision(actor, spec, decisionKind,
                    change.decision(), today, origin);
            Decision governing = decision != null ? decision : store.latestDecision(spec.id()).orElse(null);
            if (status == ControlStatus.NOT_APPLICABLE && spec.addressable() && (governing == null
                    || !DecisionKind.NOT_REASONABLE_AND_APPROPRIATE.id().equals(governing.decision()))) {
                throw new ProblemException(ProblemKind.VALIDATION, spec.id() + " is addressable: record a 164.306(d) "
                        + "decision that it is not reasonable and appropriate before marking it not applicable");
            }
            ControlVersion version = new ControlVersion(spec.id(), current + 1, status.id(), reason, owner,
                    ControlRules.blankToNull(change.implementation()), evidenceIds, change.nextReviewOn(),
                    clock.instant(), actor.id());
            if (!store.insert(version)) {
                throw concurrent(spec);
            }
            events.record(ProgramEvents.CONTROL, "version", current == 0 ? Action.C : Action.U, Outcome.SUCCESS,
                    ProgramEvents.agent(actor, origin), "Control", spec.id(), Integer.toString(version.version()),
                    null);
            return version;
        });
    }

    /** Records a new version of the decision record of an addressable specification, with its audit event. */
    public Decision decide(Actor actor, String controlId, DecisionDraft draft, RequestOrigin origin) {
        ProgramRoles.requireWriter(actor);
        Specification spec = catalog.specification(controlId, CatalogView.CURRENT);
        LocalDate today = today();
        DecisionKind kind = checkedDecision(spec, draft, today);
        return events.atomically(() -> insertDecision(actor, spec, kind, draft, today, origin));
    }

    private DecisionKind checkedDecision(Specification spec, DecisionDraft draft, LocalDate today) {
        if (!spec.addressable()) {
            throw new ProblemException(ProblemKind.VALIDATION, spec.id() + " is required: 164.306(d) decisions are "
                    + "recorded for addressable specifications only");
        }
        DecisionKind kind = DecisionKind.of(draft.decision());
        rules.check(spec.id(), kind, draft, today);
        return kind;
    }

    private Decision insertDecision(Actor actor, Specification spec, DecisionKind kind, DecisionDraft draft,
                                    LocalDate today, RequestOrigin origin) {
        int version = store.latestDecision(spec.id()).map(Decision::version).orElse(0) + 1;
        Decision decision = new Decision(spec.id(), version, kind.id(), ControlRules.blankToNull(draft.rationale()),
                ControlRules.blankToNull(draft.alternative()), draft.approverId().strip(),
                draft.decidedOn() == null ? today : draft.decidedOn(), clock.instant(), actor.id());
        if (!store.insert(decision)) {
            throw concurrent(spec);
        }
        events.record(ProgramEvents.DECISION, kind.id(), version == 1 ? Action.C : Action.U, Outcome.SUCCESS,
                ProgramEvents.agent(actor, origin), "Decision", spec.id(), Integer.toString(version), null);
        return decision;
    }

    private Control control(Specification spec, ControlVersion version, Decision decision) {
        ControlVersion current = version != null ? version : new ControlVersion(spec.id(), 0,
                ControlStatus.NOT_STARTED.id(), null, null, null, List.of(), null, null, null);
        boolean overdue = current.nextReviewOn() != null && current.nextReviewOn().isBefore(today());
        return new Control(spec, current, decision, spec.addressable() && decision == null, overdue);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static ProblemException concurrent(Specification spec) {
        return new ProblemException(ProblemKind.CONFLICT, spec.id() + " was changed at the same time by someone "
                + "else; reload and apply your change again");
    }
}
