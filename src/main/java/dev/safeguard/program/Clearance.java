package dev.safeguard.program;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A workforce clearance record (164.308(a)(3)(ii)(B)): a check that a member's access is appropriate, e.g. a
 * background or reference check. Append-only; a correction is a new record.
 *
 * @param kind    one of {@link #KINDS}
 * @param outcome one of {@link #OUTCOMES}
 */
public record Clearance(String id, String memberId, String kind, LocalDate completedOn, String outcome, String notes,
                        Instant recordedAt, String recordedBy) {

    public static final List<String> KINDS = List.of("background-check", "reference-check", "license-verification",
            "exclusion-list-check", "education-verification", "identity-verification", "other");
    public static final List<String> OUTCOMES = List.of("cleared", "cleared-with-conditions", "not-cleared",
            "pending");
}
