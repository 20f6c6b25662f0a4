package dev.safeguard.identity;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a service client's API key may do: {@code metrics.read}, or a SMART-style FHIR scope
 * {@code <context>/<type>.<access>} where the context is {@code patient} (only the patients on the client's allow-list)
 * or {@code system} (any patient, or only the allow-listed ones when the client has a list), the type is a FHIR
 * resource type or {@code *}, and the access is {@code read}, {@code write} or {@code *}. The identifier is the stable
 * form used in the API and in storage.
 */
public record Scope(String id) {

    private static final String METRICS_ID = "metrics.read";
    private static final Pattern FHIR =
            Pattern.compile("(patient|system)/(\\*|[A-Z][A-Za-z]{1,63})\\.(read|write|\\*)");

    public static final Scope METRICS_READ = new Scope("metrics.read");
    /** Scopes offered as presets in the console and named in errors. */
    public static final List<String> EXAMPLES = List.of("system/*.read", "system/*.write", "patient/*.read",
            "patient/*.write", "system/Observation.write", "metrics.read");

    public Scope {
        if (id == null || !(id.equals(METRICS_ID) || FHIR.matcher(id).matches())) {
            throw new IllegalArgumentException("Not a scope: use fromId");
        }
    }

    public static Optional<Scope> fromId(String id) {
        return id != null && (id.equals(METRICS_ID) || FHIR.matcher(id).matches())
                ? Optional.of(new Scope(id)) : Optional.empty();
    }

    /** The Spring Security authority for this scope. */
    public String authority() {
        return "SCOPE_" + id;
    }

    /** Whether this is a FHIR scope. */
    public boolean fhir() {
        return !id.equals(METRICS_ID);
    }

    /** Whether this is a {@code patient/} scope, limited to the client's allow-listed patients. */
    public boolean patientContext() {
        return id.startsWith("patient/");
    }

    /** Whether this FHIR scope covers reading ({@code write == false}) or writing the given resource type. */
    public boolean covers(String resourceType, boolean write) {
        Matcher m = FHIR.matcher(id);
        if (!m.matches()) {
            return false;
        }
        boolean type = m.group(2).equals("*") || m.group(2).equals(resourceType);
        boolean access = m.group(3).equals("*") || m.group(3).equals(write ? "write" : "read");
        return type && access;
    }
}
