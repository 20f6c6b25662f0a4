package dev.safeguard.program;

import java.time.Instant;
import java.util.List;

/**
 * Evidence as a collector hands it over, before it is sealed, hashed and signed.
 *
 * @param controls     the catalog items it supports (CFR citations), at least one
 * @param observedFrom start of the observation period ({@code null}: the collection time)
 * @param observedTo   end of the observation period ({@code null}: the collection time); not after collection
 * @param details      what was observed, in words (at most 4,000 characters); never PHI
 * @param content      the evidence itself: JSON or a file, at most 10 MiB
 * @param mediaType    the content's media type, e.g. {@code application/json} or {@code application/pdf}
 * @param fileName     the uploaded file's name, or {@code null}
 * @param expiresAt    when it stops being fresh ({@code null}: the kind's default)
 * @param series       what the evidence is a version of, e.g. {@code policy:<id>} or {@code baa:<id>}: newer evidence of
 *                     the same series supersedes older, whoever recorded it; {@code null}: newer evidence of the same
 *                     collector supersedes it ({@code [a-z0-9][a-z0-9.:-]{2,127}})
 */
public record EvidenceDraft(List<String> controls, EvidenceKind kind, Instant observedFrom, Instant observedTo,
                            EvidenceResult result, String details, byte[] content, String mediaType, String fileName,
                            Instant expiresAt, String series) {

    public EvidenceDraft {
        controls = controls == null ? List.of() : List.copyOf(controls);
    }

    /** Evidence of no series. */
    public EvidenceDraft(List<String> controls, EvidenceKind kind, Instant observedFrom, Instant observedTo,
                         EvidenceResult result, String details, byte[] content, String mediaType, String fileName,
                         Instant expiresAt) {
        this(controls, kind, observedFrom, observedTo, result, details, content, mediaType, fileName, expiresAt, null);
    }

    /** The same evidence as part of {@code series}. */
    public EvidenceDraft inSeries(String series) {
        return new EvidenceDraft(controls, kind, observedFrom, observedTo, result, details, content, mediaType,
                fileName, expiresAt, series);
    }

    @Override
    public String toString() {
        return "EvidenceDraft[" + kind + " for " + controls + ", " + (content == null ? 0 : content.length)
                + " bytes]";
    }
}
