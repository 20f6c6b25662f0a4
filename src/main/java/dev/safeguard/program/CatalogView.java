package dev.safeguard.program;

import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;

/**
 * Which text of the Security Rule the catalog shows: the rule in force, or the January 2025 proposed rule (90 FR 898),
 * in which every specification is required and new cadences apply. The proposed view is for planning; controls and
 * decisions are always recorded against the rule in force.
 */
public enum CatalogView {
    CURRENT("current"),
    PROPOSED("proposed");

    private final String id;

    CatalogView(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The view named {@code id}; {@code null} or blank is the rule in force. */
    public static CatalogView of(String id) {
        if (id == null || id.isBlank()) {
            return CURRENT;
        }
        for (CatalogView view : values()) {
            if (view.id.equals(id.strip())) {
                return view;
            }
        }
        throw new ProblemException(ProblemKind.VALIDATION, "Unknown catalog view '" + id + "'; use 'current' or "
                + "'proposed'");
    }
}
