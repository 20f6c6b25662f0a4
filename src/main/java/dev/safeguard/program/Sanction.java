package dev.safeguard.program;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A sanction applied to a member who failed to comply with the security policies (164.308(a)(1)(ii)(C)). Visible to
 * security officers, compliance officers and auditors only; append-only. The description is stored sealed, as it
 * may mention a patient.
 *
 * @param policy      the policy or procedure violated, e.g. "Information access policy §3"
 * @param description what happened
 * @param sanction    one of {@link #SANCTIONS}
 * @param imposedBy   the user id of the person who imposed it
 */
public record Sanction(String id, String memberId, LocalDate imposedOn, String policy, String description,
                       String sanction, String imposedBy, Instant recordedAt, String recordedBy) {

    public static final List<String> SANCTIONS = List.of("verbal-warning", "written-warning", "retraining",
            "access-restriction", "suspension", "termination", "other");
}
