package dev.safeguard.program;

import java.util.List;
import java.util.function.Supplier;

/**
 * One automated evaluation check (164.308(a)(8)): a stable id, what it verifies, the catalog items it supports, and
 * the probe that reads the running system. Probes read live state through the other modules' APIs, never
 * configuration files alone.
 *
 * @param controls the CFR citations of the specifications it supports
 */
public record EvaluationCheck(String id, String title, List<String> controls, Supplier<CheckOutcome> probe) {

    public EvaluationCheck {
        controls = List.copyOf(controls);
    }
}
