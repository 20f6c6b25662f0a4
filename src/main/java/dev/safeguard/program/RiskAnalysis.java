package dev.safeguard.program;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A finalized risk analysis: a numbered, frozen snapshot of scope, inventory, data flows and every risk (OCR element
 * 8, final documentation), with the date by which it must be reviewed (element 9).
 *
 * @param version        1, 2, … in order of finalization
 * @param reviewDue      at most 12 months after finalization
 * @param stale          whether {@code reviewDue} has passed by the injected clock
 * @param snapshotSha256 SHA-256 (hex) of the stored snapshot, so a copy can be checked against the register
 */
public record RiskAnalysis(String id, int version, String scope, Instant finalizedAt, String finalizedBy,
                           LocalDate reviewDue, int riskCount, boolean stale, String snapshotSha256) {
}
