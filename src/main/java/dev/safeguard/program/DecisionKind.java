package dev.safeguard.program;

import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The outcome of a 164.306(d)(3) assessment of an addressable specification: implement it as written, implement an
 * equivalent alternative measure, or document that it is not reasonable and appropriate. Ids are stable API values.
 */
public enum DecisionKind {
    IMPLEMENT("implement"),
    EQUIVALENT_ALTERNATIVE("equivalent-alternative"),
    NOT_REASONABLE_AND_APPROPRIATE("not-reasonable-and-appropriate");

    private final String id;

    DecisionKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Whether the decision departs from the specification as written, and so needs a documented rationale. */
    public boolean departs() {
        return this != IMPLEMENT;
    }

    public static DecisionKind of(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst().orElseThrow(() ->
                new ProblemException(ProblemKind.VALIDATION, "Unknown decision '" + id + "'; use one of "
                        + Arrays.stream(values()).map(DecisionKind::id).collect(Collectors.joining(", "))));
    }
}
