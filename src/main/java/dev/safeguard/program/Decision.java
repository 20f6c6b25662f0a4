package dev.safeguard.program;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One immutable version of the 164.306(d) decision record of an addressable specification.
 *
 * @param decision    a {@link DecisionKind} id
 * @param rationale   why; always present when the decision departs from the specification as written
 * @param alternative the equivalent alternative measure (only with {@code equivalent-alternative})
 * @param approverId  the user id of the named approver (a security or compliance officer)
 * @param decidedOn   the date of the decision
 * @param recordedBy  the user id who recorded it
 */
public record Decision(String controlId, int version, String decision, String rationale, String alternative,
                       String approverId, LocalDate decidedOn, Instant recordedAt, String recordedBy) {
}
