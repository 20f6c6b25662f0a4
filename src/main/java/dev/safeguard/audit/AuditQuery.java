package dev.safeguard.audit;

import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import java.time.Instant;
import java.util.Set;

/**
 * A search of the audit trail. Every criterion is optional; {@code patient} is the clear patient reference, which is
 * pseudonymized before the search, so the trail never needs it in clear.
 */
public record AuditQuery(Instant from, Instant to, String user, String client, String patient, String action,
                         String outcome, String type, String entityType, int page, int size) {

    public static final int MAX_SIZE = 500;
    static final Set<String> ACTIONS = Set.of("C", "R", "U", "D", "E");
    static final Set<String> OUTCOMES = Set.of("SUCCESS", "MINOR_FAILURE", "SERIOUS_FAILURE");

    public AuditQuery {
        if (size < 1 || size > MAX_SIZE) {
            throw new ProblemException(ProblemKind.VALIDATION, "size must be between 1 and " + MAX_SIZE);
        }
        if (page < 0 || page > 1_000_000) {
            throw new ProblemException(ProblemKind.VALIDATION, "page must be between 0 and 1000000");
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new ProblemException(ProblemKind.VALIDATION, "from must not be after to");
        }
        if (action != null && !ACTIONS.contains(action)) {
            throw new ProblemException(ProblemKind.VALIDATION, "action must be one of " + ACTIONS);
        }
        if (outcome != null && !OUTCOMES.contains(outcome)) {
            throw new ProblemException(ProblemKind.VALIDATION, "outcome must be one of " + OUTCOMES);
        }
        for (String value : new String[] {user, client, patient, type, entityType}) {
            if (value != null && value.length() > 200) {
                throw new ProblemException(ProblemKind.VALIDATION, "criteria are at most 200 characters");
            }
        }
    }

    /** One page of results, newest first; {@code more} says whether another page exists. */
    public record Page(java.util.List<AuditRecord> items, int page, int size, boolean more) {
    }
}
