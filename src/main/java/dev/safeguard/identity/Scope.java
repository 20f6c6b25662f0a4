package dev.safeguard.identity;

import java.util.Arrays;
import java.util.Optional;

/** What a service client's API key may do. Their names are the stable identifiers used in the API. */
public enum Scope {
    FHIR_READ("fhir.read"),
    FHIR_WRITE("fhir.write"),
    METRICS_READ("metrics.read");

    private final String id;

    Scope(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public String authority() {
        return "SCOPE_" + id;
    }

    public static Optional<Scope> fromId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }
}
