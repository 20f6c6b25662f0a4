package dev.safeguard.program;

import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import java.util.Arrays;
import java.util.stream.Collectors;

/** How far the organization's control for a specification has come. Ids are stable API values. */
public enum ControlStatus {
    NOT_STARTED("not-started"),
    PLANNED("planned"),
    PARTIALLY_IMPLEMENTED("partially-implemented"),
    IMPLEMENTED("implemented"),
    /** Does not apply to the organization; always carries a reason. */
    NOT_APPLICABLE("not-applicable");

    private final String id;

    ControlStatus(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static ControlStatus of(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst().orElseThrow(() ->
                new ProblemException(ProblemKind.VALIDATION, "Unknown control status '" + id + "'; use one of "
                        + Arrays.stream(values()).map(ControlStatus::id).collect(Collectors.joining(", "))));
    }
}
