package dev.safeguard.program;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.program.incidents.AssessmentStore;
import dev.safeguard.program.incidents.IncidentJournal;
import dev.safeguard.program.incidents.IncidentStore;
import dev.safeguard.program.internal.ProgramEvents;
import dev.safeguard.program.internal.ProgramRoles;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import dev.safeguard.shared.SecurityEvent.Action;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The breach risk assessment of 164.402: an impermissible use or disclosure of PHI is presumed a breach unless the
 * four factors of 164.402(2) show a low probability that the PHI was compromised; PHI secured per HHS guidance
 * (encrypted, key not compromised) is not unsecured PHI, so no notification duty arises (the safe harbor); and
 * 164.402(1) excludes three situations from the definition of breach.
 *
 * <p>Guarantees: only officers save, conclude or reopen. A conclusion needs every factor rated with notes, the
 * safe-harbor question answered, conclusion notes, and a conclusion consistent with the answers (a breach of secured
 * PHI, or an exception that is not named, is refused); the concluding officer is recorded by id. A concluded
 * assessment does not change until it is reopened with a reason. Each step, its timeline entry and its audit event
 * commit together. Until a conclusion the incident's determination is {@code presumed-breach} and its clocks run.
 */
@Service
public class BreachAssessments {

    static final int MAX_NOTES = 4_000;

    /** The answers as an officer saves them; any may be missing in a draft. */
    public record Draft(Map<String, BreachAssessment.Factor> factors, String safeHarbor, String safeHarborNotes,
                        String exception, String exceptionNotes) {
    }

    private final Incidents incidents;
    private final AssessmentStore store;
    private final IncidentJournal journal;
    private final ProgramEvents events;
    private final Clock clock;

    BreachAssessments(Incidents incidents, AssessmentStore store, IncidentJournal journal, ProgramEvents events,
                      Clock clock) {
        this.incidents = incidents;
        this.store = store;
        this.journal = journal;
        this.events = events;
        this.clock = clock;
    }

    /** The incident's assessment, if one was started. */
    public Optional<BreachAssessment> get(Actor actor, String incidentId) {
        ProgramRoles.requireReader(actor);
        return store.find(incidents.row(incidentId).id()).map(IncidentViews::assessment);
    }

    /** Saves the draft; refused (409) while the assessment is concluded. */
    public BreachAssessment save(Actor actor, String incidentId, Draft draft, RequestOrigin origin) {
        ProgramRoles.requireWriter(actor);
        Map<String, BreachAssessment.Factor> factors = draft.factors() == null ? Map.of() : draft.factors();
        for (String key : factors.keySet()) {
            if (!IncidentTerms.FACTORS.containsKey(key)) {
                throw new ProblemException(ProblemKind.VALIDATION, "Unknown factor '" + Fields.abbreviated(key)
                        + "'; the factors are " + String.join(", ", IncidentTerms.FACTORS.keySet()));
            }
        }
        String[] ratings = new String[4];
        String[] notes = new String[4];
        int i = 0;
        for (String key : IncidentTerms.FACTORS.keySet()) {
            BreachAssessment.Factor f = factors.get(key);
            ratings[i] = f == null || f.rating() == null || f.rating().isBlank() ? null
                    : Fields.oneOf(f.rating(), key + " rating", IncidentTerms.RATINGS, null);
            notes[i] = f == null ? null : Fields.optional(f.notes(), key + " notes", MAX_NOTES);
            i++;
        }
        String safeHarbor = draft.safeHarbor() == null || draft.safeHarbor().isBlank() ? null
                : Fields.oneOf(draft.safeHarbor(), "safe-harbor answer", IncidentTerms.SAFE_HARBOR, null);
        String exception = Fields.oneOf(draft.exception(), "exception", IncidentTerms.EXCEPTIONS.keySet(), "none");
        AssessmentStore.Row row = new AssessmentStore.Row(incidentId, ratings[0], notes[0], ratings[1], notes[1],
                ratings[2], notes[2], ratings[3], notes[3], safeHarbor,
                Fields.optional(draft.safeHarborNotes(), "safe-harbor notes", MAX_NOTES),
                exception.equals("none") ? null : exception,
                Fields.optional(draft.exceptionNotes(), "exception notes", MAX_NOTES), null, null, null, null,
                actor.id(), clock.millis());
        return events.atomically(() -> {
            IncidentStore.Row incident = incidents.open(incidentId, null);
            if (!store.saveDraft(row)) {
                throw concluded(incident);
            }
            journal.change(incident.id(), actor.id(), "Breach risk assessment saved");
            journal.audit("assessment-save", Action.U, ProgramEvents.agent(actor, origin), incident.id(), null, null);
            return IncidentViews.assessment(store.find(incident.id()).orElseThrow());
        });
    }

    /** Concludes the assessment as the acting officer. */
    public BreachAssessment conclude(Actor actor, String incidentId, String conclusion, String notes,
                                     RequestOrigin origin) {
        ProgramRoles.requireWriter(actor);
        String outcome = Fields.oneOf(conclusion, "conclusion", IncidentTerms.CONCLUSIONS, null);
        String why = Fields.required(notes, "conclusion notes", MAX_NOTES);
        return events.atomically(() -> {
            IncidentStore.Row incident = incidents.open(incidentId, null);
            AssessmentStore.Row a = store.find(incident.id()).orElseThrow(() -> new ProblemException(
                    ProblemKind.CONFLICT, "Save the four factors of " + incident.reference() + " before concluding"));
            if (a.conclusion() != null) {
                throw concluded(incident);
            }
            requireComplete(a, outcome);
            if (!store.conclude(incident.id(), outcome, why, actor.id(), clock.millis())) {
                throw concluded(incident);
            }
            journal.change(incident.id(), actor.id(), "Breach risk assessment concluded: " + title(outcome) + ": "
                    + why);
            journal.audit("assessment-conclude", Action.U, ProgramEvents.agent(actor, origin), incident.id(), null,
                    outcome);
            return IncidentViews.assessment(store.find(incident.id()).orElseThrow());
        });
    }

    /** Reopens a concluded assessment (new facts); the conclusion it had stays in the timeline. */
    public BreachAssessment reopen(Actor actor, String incidentId, String reason, RequestOrigin origin) {
        ProgramRoles.requireWriter(actor);
        String why = Fields.required(reason, "reason", MAX_NOTES);
        return events.atomically(() -> {
            IncidentStore.Row incident = incidents.open(incidentId, null);
            AssessmentStore.Row before = store.find(incident.id()).orElse(null);
            if (before == null || !store.reopen(incident.id(), actor.id(), clock.millis())) {
                throw new ProblemException(ProblemKind.CONFLICT, "The assessment of " + incident.reference()
                        + " is not concluded");
            }
            journal.change(incident.id(), actor.id(), "Breach risk assessment reopened (it was concluded "
                    + before.conclusion() + "): " + why);
            journal.audit("assessment-reopen", Action.U, ProgramEvents.agent(actor, origin), incident.id(), null,
                    null);
            return IncidentViews.assessment(store.find(incident.id()).orElseThrow());
        });
    }

    /** Why the saved answers cannot carry {@code conclusion}, or nothing. */
    static void requireComplete(AssessmentStore.Row a, String conclusion) {
        List<String> missing = new ArrayList<>();
        String[][] factors = {{"nature", a.natureRating(), a.natureNotes()},
            {"recipient", a.recipientRating(), a.recipientNotes()}, {"acquired", a.acquiredRating(), a.acquiredNotes()},
            {"mitigation", a.mitigationRating(), a.mitigationNotes()}};
        for (String[] f : factors) {
            if (f[1] == null || f[2] == null) {
                missing.add("factor " + f[0] + " needs a rating and notes");
            }
        }
        if (a.safeHarbor() == null) {
            missing.add("answer the safe-harbor question (was the PHI secured per HHS guidance?)");
        }
        if (!missing.isEmpty()) {
            throw new ProblemException(ProblemKind.VALIDATION, "Before concluding: " + String.join("; ", missing));
        }
        boolean secured = a.safeHarbor().equals(IncidentTerms.SECURED);
        boolean excepted = a.exceptionCode() != null;
        switch (conclusion) {
            case IncidentTerms.SECURED_PHI -> {
                if (!secured) {
                    throw inconsistent("Only PHI secured per HHS guidance falls under the safe harbor; the answer "
                            + "saved is unsecured");
                }
                if (a.safeHarborNotes() == null) {
                    throw inconsistent("Say how the PHI was secured (encryption, and why the key was not "
                            + "compromised) in the safe-harbor notes");
                }
            }
            case IncidentTerms.EXCEPTION -> {
                if (!excepted || a.exceptionNotes() == null) {
                    throw inconsistent("Name the exclusion of 164.402(1) that applies and explain it in the "
                            + "exception notes");
                }
            }
            default -> {
                if (secured) {
                    throw inconsistent("The PHI was secured per HHS guidance: it is not unsecured PHI, so conclude "
                            + "secured-phi (no notification duty)");
                }
                if (excepted && conclusion.equals(IncidentTerms.LOW_PROBABILITY)) {
                    throw inconsistent("An exclusion of 164.402(1) is named; conclude exception, or set the "
                            + "exception to none");
                }
                if (excepted) {
                    throw inconsistent("An exclusion of 164.402(1) is named, so it is not a breach; set the "
                            + "exception to none to conclude breach");
                }
            }
        }
    }

    static String title(String conclusion) {
        return switch (conclusion) {
            case IncidentTerms.BREACH -> "a breach of unsecured PHI: notification is required";
            case IncidentTerms.LOW_PROBABILITY -> "not a breach: the four factors show a low probability that the "
                    + "PHI was compromised";
            case IncidentTerms.SECURED_PHI -> "not a breach of unsecured PHI: the PHI was secured per HHS guidance "
                    + "(encrypted, key not compromised), so no notification duty arises";
            case IncidentTerms.EXCEPTION -> "not a breach: an exclusion of 164.402(1) applies";
            case IncidentTerms.NOT_AN_INCIDENT -> "not a security incident";
            default -> "presumed a breach until the risk assessment is concluded (164.402)";
        };
    }

    private static ProblemException inconsistent(String message) {
        return new ProblemException(ProblemKind.VALIDATION, message);
    }

    private static ProblemException concluded(IncidentStore.Row incident) {
        return new ProblemException(ProblemKind.CONFLICT, "The assessment of " + incident.reference() + " is "
                + "concluded; reopen it (with a reason) to change it");
    }
}
