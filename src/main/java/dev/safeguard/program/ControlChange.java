package dev.safeguard.program;

import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A new version of a control, as a caller asks for it.
 *
 * @param status              a {@link ControlStatus} id
 * @param notApplicableReason required with {@code not-applicable}, refused otherwise
 * @param evidenceIds         evidence that supports the control; each must cover this specification
 * @param nextReviewOn        today or later, or {@code null}
 * @param baseVersion         the version the caller saw; when given and no longer current, the change is refused
 *                            with 409 (optimistic concurrency)
 * @param decision            a 164.306(d) decision recorded in the same transaction (addressable specifications
 *                            only), or {@code null}
 */
public record ControlChange(String status, String notApplicableReason, String ownerId, String implementation,
                            List<String> evidenceIds, LocalDate nextReviewOn, Integer baseVersion,
                            DecisionDraft decision) {
    public ControlChange {
        if (evidenceIds != null && evidenceIds.stream().anyMatch(Objects::isNull)) {
            throw new ProblemException(ProblemKind.VALIDATION, "evidenceIds lists evidence ids; null is not one");
        }
        evidenceIds = evidenceIds == null ? List.of() : List.copyOf(evidenceIds);
    }
}
