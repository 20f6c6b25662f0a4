package dev.safeguard.program;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One immutable version of the organization's control for a specification. Versions count from 1; a change is a new
 * version and earlier ones stay as they were.
 *
 * @param status              a {@link ControlStatus} id
 * @param notApplicableReason why the specification does not apply (only with {@code not-applicable})
 * @param ownerId             the user id of the person responsible, or {@code null}
 * @param implementation      how the control is implemented, or {@code null}
 * @param evidenceIds         evidence records that support it
 * @param nextReviewOn        when it is next reviewed, or {@code null}
 * @param recordedBy          the user id who recorded this version, or {@code safeguard} for what Safeguard seeded
 */
public record ControlVersion(String controlId, int version, String status, String notApplicableReason,
                             String ownerId, String implementation, List<String> evidenceIds, LocalDate nextReviewOn,
                             Instant recordedAt, String recordedBy) {
    public ControlVersion {
        evidenceIds = List.copyOf(evidenceIds);
    }
}
