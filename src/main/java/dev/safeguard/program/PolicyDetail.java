package dev.safeguard.program;

import java.util.List;

/** A policy with every version (newest first, with their text) and every review (newest first). */
public record PolicyDetail(Policy policy, List<PolicyVersion> versions, List<PolicyReview> reviews) {

    public PolicyDetail {
        versions = List.copyOf(versions);
        reviews = List.copyOf(reviews);
    }
}
