package dev.safeguard.program;

import java.time.Instant;
import java.util.List;

/**
 * One threat/vulnerability pair of the risk register with its assessment (OCR risk-analysis elements 3 to 7).
 *
 * @param threatId  the catalog entry it was drawn from, or {@code null} for a threat described freely
 * @param assetIds  the inventory assets it concerns
 * @param controls  current security measures, as Security Rule specification ids such as {@code 164.312(a)(1)}
 * @param level     {@link RiskLevel#of(RiskLevel, RiskLevel)} of likelihood and impact, never entered by hand
 * @param treatment how it is treated, or {@code null} while untreated
 * @param status    {@code open} or {@code closed}
 */
public record Risk(String id, String title, String threatId, String threat, String vulnerability,
                   List<String> assetIds, List<String> controls, RiskLevel likelihood, RiskLevel impact,
                   RiskLevel level, Treatment treatment, String status, Instant createdAt, String createdBy,
                   Instant updatedAt, String updatedBy) {

    public boolean open() {
        return "open".equals(status);
    }
}
