package dev.safeguard.program;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of checking a stored piece of evidence against its signature: the content still decrypts, still has the
 * recorded SHA-256, and the signature over every recorded field verifies with the evidence signing key.
 *
 * @param valid    true only when every check passed
 * @param problems what failed, in words (empty when valid)
 */
public record EvidenceVerification(String evidenceId, boolean valid, boolean signatureValid, boolean contentIntact,
                                   List<String> problems, Instant verifiedAt) {
    public EvidenceVerification {
        problems = List.copyOf(problems);
    }
}
