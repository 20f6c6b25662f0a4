package dev.safeguard.program;

import java.util.List;

/**
 * Which active inventory assets are covered by centralized logging (the compliance metric "percentage of production
 * systems covered by centralized logging").
 */
public record LoggingCoverage(List<Asset> covered, List<Asset> uncovered) {

    /** Covered share of active assets in percent (0–100), or 100 when there is no asset. */
    public double percent() {
        int total = covered.size() + uncovered.size();
        return total == 0 ? 100.0 : 100.0 * covered.size() / total;
    }
}
