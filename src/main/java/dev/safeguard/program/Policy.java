package dev.safeguard.program;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A policy document of the organization (164.316(a)) as it stands: what describes it and where its versions are.
 *
 * @param topic                  the core policy it is (one of the shipped templates' ids, e.g. {@code sanctions}), or
 *                               {@code null} for another policy
 * @param citations              the catalog items (CFR citations) it implements
 * @param reviewMonths           review cadence in months (default 12: annual)
 * @param effectiveVersion       the version in force, or {@code null} before one took effect
 * @param effectiveAt            when it took effect
 * @param pendingVersion         the draft or approved version not yet in force, or {@code null}
 * @param pendingState           {@code draft} or {@code approved}, or {@code null}
 * @param lastReviewedAt         the latest recorded review, or {@code null}
 * @param nextReviewOn           the latest of the effective date and the last review, plus the cadence (UTC); {@code
 *                               null} while nothing is in force
 * @param reviewOverdue          the review date has passed
 * @param coverage               acknowledgments of the effective version, when the policy requires them
 */
public record Policy(String id, String topic, String title, String ownerId, List<String> citations, int reviewMonths,
                     boolean acknowledgmentRequired, Instant createdAt, String createdBy, Instant updatedAt,
                     String updatedBy, Integer effectiveVersion, Instant effectiveAt, Integer pendingVersion,
                     String pendingState, Instant lastReviewedAt, LocalDate nextReviewOn, boolean reviewOverdue,
                     PolicyCoverage coverage) {

    public Policy {
        citations = List.copyOf(citations);
    }
}
