package dev.safeguard.program.controls;

import dev.safeguard.identity.Role;
import dev.safeguard.identity.Workforce;
import dev.safeguard.identity.Workforce.Member;
import dev.safeguard.program.DecisionKind;
import dev.safeguard.program.DecisionDraft;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * The checks a control version or a 164.306(d) decision must pass before anything is written. Each failure is a
 * {@link ProblemKind#VALIDATION} problem that says what to fix.
 */
@Component
public class ControlRules {

    public static final int MAX_TEXT = 10_000;
    public static final int MAX_REASON = 4_000;

    private final Workforce workforce;

    ControlRules(Workforce workforce) {
        this.workforce = workforce;
    }

    /** A decision on an addressable specification: approver always; rationale unless implemented as written. */
    public void check(String controlId, DecisionKind kind, DecisionDraft draft, LocalDate today) {
        String rationale = blankToNull(draft.rationale());
        if (kind.departs() && rationale == null) {
            throw new ProblemException(ProblemKind.VALIDATION, "A '" + kind.id() + "' decision on " + controlId
                    + " needs a rationale: document why the specification as written is not reasonable and "
                    + "appropriate (164.306(d)(3)(ii))");
        }
        if (kind == DecisionKind.EQUIVALENT_ALTERNATIVE && blankToNull(draft.alternative()) == null) {
            throw new ProblemException(ProblemKind.VALIDATION, "Describe the equivalent alternative measure");
        }
        if (kind != DecisionKind.EQUIVALENT_ALTERNATIVE && blankToNull(draft.alternative()) != null) {
            throw new ProblemException(ProblemKind.VALIDATION, "An alternative measure is recorded only with an "
                    + "'equivalent-alternative' decision");
        }
        length(rationale, MAX_REASON, "rationale");
        length(draft.alternative(), MAX_REASON, "alternative");
        if (blankToNull(draft.approverId()) == null) {
            throw new ProblemException(ProblemKind.VALIDATION, "A decision on " + controlId + " needs a named approver "
                    + "(the user id of a security or compliance officer)");
        }
        Member approver = workforce.find(draft.approverId().strip()).filter(Member::active)
                .orElseThrow(() -> new ProblemException(ProblemKind.VALIDATION, "No active user with id "
                        + draft.approverId() + " to approve the decision"));
        if (!approver.has(Role.SECURITY_OFFICER) && !approver.has(Role.COMPLIANCE_OFFICER)) {
            throw new ProblemException(ProblemKind.VALIDATION, "The approver must be a security or compliance "
                    + "officer; " + approver.username() + " is neither");
        }
        if (draft.decidedOn() != null && draft.decidedOn().isAfter(today)) {
            throw new ProblemException(ProblemKind.VALIDATION, "The decision date " + draft.decidedOn()
                    + " is in the future");
        }
    }

    /** The owner, when given, is an active user. */
    public void checkOwner(String ownerId) {
        if (ownerId != null && workforce.find(ownerId).filter(Member::active).isEmpty()) {
            throw new ProblemException(ProblemKind.VALIDATION, "No active user with id " + ownerId
                    + " to own the control");
        }
    }

    public static void length(String value, int max, String label) {
        if (value != null && value.length() > max) {
            throw new ProblemException(ProblemKind.VALIDATION, "The " + label + " can have at most " + max
                    + " characters");
        }
    }

    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
