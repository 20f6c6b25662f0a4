package dev.safeguard.program;

import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import java.util.Arrays;
import java.util.stream.Collectors;

/** What the evidence shows about its controls. Ids are stable API values. */
public enum EvidenceResult {
    PASS("pass"),
    FAIL("fail"),
    INFORMATIONAL("informational");

    private final String id;

    EvidenceResult(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static EvidenceResult of(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst().orElseThrow(() ->
                new ProblemException(ProblemKind.VALIDATION, "Unknown evidence result '" + id + "'; use one of "
                        + Arrays.stream(values()).map(EvidenceResult::id).collect(Collectors.joining(", "))));
    }
}
