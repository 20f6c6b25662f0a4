package dev.safeguard.program;

import java.util.List;

/**
 * One controllable item of the Security Rule: an implementation specification, or a standard that has none (such a
 * standard is itself the requirement). Its id is its CFR citation, e.g. {@code 164.312(a)(2)(iv)}.
 *
 * @param id               the CFR citation, stable and unique in the catalog
 * @param title            the specification's title as the regulation names it
 * @param standardCitation the citation of its standard (equal to {@code id} for a standard without specifications)
 * @param standardTitle    the title of its standard
 * @param category         {@code administrative}, {@code physical}, {@code technical}, {@code organizational} or
 *                         {@code policies-and-documentation}
 * @param note             a short gloss of what the specification requires, or {@code null}
 * @param status           {@code required} or {@code addressable} in the view it was read from
 * @param standardOnly     true for a standard without implementation specifications
 * @param proposedChanges  in the proposed view, what 90 FR 898 would add to this item; empty otherwise
 */
public record Specification(String id, String title, String note, String standardCitation, String standardTitle,
                            String category, String status, boolean standardOnly, List<ProposedChange> proposedChanges) {

    public static final String REQUIRED = "required";
    public static final String ADDRESSABLE = "addressable";

    public Specification {
        proposedChanges = List.copyOf(proposedChanges);
    }

    public boolean addressable() {
        return ADDRESSABLE.equals(status);
    }

    /**
     * A change the January 2025 proposed rule would make.
     *
     * @param requirement the proposal, as the reference summary words it
     * @param intervals   the cadences it sets, as ISO-8601 durations ({@code P12M}, {@code PT1H}); empty when none
     */
    public record ProposedChange(String requirement, List<String> intervals) {
        public ProposedChange {
            intervals = List.copyOf(intervals);
        }
    }
}
