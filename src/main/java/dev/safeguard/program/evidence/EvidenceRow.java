package dev.safeguard.program.evidence;

import java.util.List;

/**
 * A row of {@code program_evidence} with its controls. {@code content} is the sealed ciphertext, or {@code null} when
 * the row was read without it.
 */
public record EvidenceRow(long seq, String id, List<String> controls, String kind, String collectorType,
                          String collector, String series, long collectedAt, long observedFrom, long observedTo, String result,
                          String details, long expiresAt, long retainUntil, String mediaType, String fileName,
                          long contentSize, String contentSha256, byte[] content, byte[] signature) {

    public EvidenceRow {
        controls = controls.stream().sorted().toList();
    }

    public EvidenceRow withControls(List<String> linked) {
        return new EvidenceRow(seq, id, linked, kind, collectorType, collector, series, collectedAt, observedFrom, observedTo,
                result, details, expiresAt, retainUntil, mediaType, fileName, contentSize, contentSha256, content,
                signature);
    }

    @Override
    public String toString() {
        return "EvidenceRow[" + id + "]";
    }
}
