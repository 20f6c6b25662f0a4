package dev.safeguard.program;

import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What kind of evidence a record is, with how long it stays fresh unless the collector says otherwise. Only
 * Safeguard's own checks record {@code automated-check} evidence; people record the other kinds.
 */
public enum EvidenceKind {
    AUTOMATED_CHECK("automated-check", Duration.ofDays(30)),
    DOCUMENT("document", Duration.ofDays(365)),
    ATTESTATION("attestation", Duration.ofDays(365)),
    EXPORT("export", Duration.ofDays(90));

    private final String id;
    private final Duration freshFor;

    EvidenceKind(String id, Duration freshFor) {
        this.id = id;
        this.freshFor = freshFor;
    }

    public String id() {
        return id;
    }

    /** How long evidence of this kind stays fresh by default. */
    public Duration freshFor() {
        return freshFor;
    }

    public static EvidenceKind of(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst().orElseThrow(() ->
                new ProblemException(ProblemKind.VALIDATION, "Unknown evidence kind '" + id + "'; use one of "
                        + Arrays.stream(values()).map(EvidenceKind::id).collect(Collectors.joining(", "))));
    }
}
