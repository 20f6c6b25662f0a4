package dev.safeguard.records;

import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The vault is in emergency mode: a write was refused and nothing was changed. Answers 503 with {@code Retry-After};
 * reads keep working. The message names the time emergency mode began, never the officer's reason.
 */
public final class VaultReadOnly extends ProblemException {

    VaultReadOnly(Instant since, Duration retryAfter) {
        super(ProblemKind.SERVICE_UNAVAILABLE, message(since), retryAfter, Map.of("emergencyMode", true));
    }

    /** The refusal's message, for answers that are not problem documents (FHIR OperationOutcome). */
    public static String message(Instant since) {
        return "The vault is in emergency mode (read-only) since " + since + ": writes are refused and nothing was "
                + "changed; reads keep working. Try again after a security officer ends emergency mode.";
    }
}
