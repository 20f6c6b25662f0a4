package dev.safeguard.program;

import java.time.Instant;
import java.util.List;

/**
 * A stored piece of evidence, without its content. Immutable: nothing about it changes after it is recorded, except
 * what is derived from the clock and from later evidence ({@code fresh}, {@code supersededFor}).
 *
 * @param collectorType {@code check} (an automated check, {@code collector} is its id), {@code system} (a record
 *                      Safeguard made, such as a completed access review; {@code collector} names the component) or
 *                      {@code user} ({@code collector} is the user id)
 * @param series        what it is a version of ({@code null}: none), see {@link EvidenceDraft#series()}
 * @param retainUntil   kept at least until then (six years from collection, 164.316(b)(2)(i))
 * @param contentSha256 hex SHA-256 of the content
 * @param signature     base64 Ed25519 signature over the record's fields and the content hash
 * @param fresh         whether it has not expired by the server's clock
 * @param supersededFor the controls for which newer evidence of its series (or collector) exists
 */
public record EvidenceRecord(String id, List<String> controls, String kind, String collectorType, String collector,
                             String series, Instant collectedAt, Instant observedFrom, Instant observedTo, String result,
                             String details, Instant expiresAt, Instant retainUntil, String mediaType,
                             String fileName, long contentSize, String contentSha256, String signature,
                             boolean fresh, List<String> supersededFor) {
    public EvidenceRecord {
        controls = List.copyOf(controls);
        supersededFor = List.copyOf(supersededFor);
    }

    /** Superseded for every control it supports: newer evidence of its series or collector has taken its place. */
    public boolean superseded() {
        return !controls.isEmpty() && supersededFor.containsAll(controls);
    }
}
