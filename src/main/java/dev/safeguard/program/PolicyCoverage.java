package dev.safeguard.program;

import java.util.List;

/**
 * How much of the active workforce has acknowledged a policy's effective version.
 *
 * @param acknowledged active users who acknowledged this version
 * @param required     active users (every one must acknowledge)
 * @param percent      acknowledged / required, rounded to two decimals (100 with no active user)
 * @param pending      active users who have not acknowledged it yet, within their time to do so
 * @param overdue      active users who have not acknowledged it and whose time to do so has passed
 */
public record PolicyCoverage(String policyId, int version, long acknowledged, long required, double percent,
                             List<String> pending, List<String> overdue) {

    public PolicyCoverage {
        pending = List.copyOf(pending);
        overdue = List.copyOf(overdue);
    }
}
