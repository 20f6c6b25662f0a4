package dev.safeguard.program;

import java.util.Map;

/**
 * What an evaluation check saw on the running system.
 *
 * @param result   pass or fail (informational when the subject does not exist yet)
 * @param summary  one line for a person; never PHI or a secret
 * @param observed the facts behind the result (counts, settings, ids), stored as the evidence's JSON content
 */
public record CheckOutcome(EvidenceResult result, String summary, Map<String, Object> observed) {

    public CheckOutcome {
        observed = Map.copyOf(observed);
    }

    public static CheckOutcome pass(String summary, Map<String, Object> observed) {
        return new CheckOutcome(EvidenceResult.PASS, summary, observed);
    }

    public static CheckOutcome fail(String summary, Map<String, Object> observed) {
        return new CheckOutcome(EvidenceResult.FAIL, summary, observed);
    }

    /** Pass when {@code ok}, else fail, with the matching summary. */
    public static CheckOutcome of(boolean ok, String passSummary, String failSummary, Map<String, Object> observed) {
        return ok ? pass(passSummary, observed) : fail(failSummary, observed);
    }
}
