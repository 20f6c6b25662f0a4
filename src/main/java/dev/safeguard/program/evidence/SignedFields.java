package dev.safeguard.program.evidence;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The exact bytes an evidence signature covers: a version tag, then every recorded field of the evidence (its
 * controls sorted), each string length-prefixed (-1 for null) so no two different records encode alike.
 *
 * <p>Version 1 covers records without a series, version 2 adds the series; a record whose series was removed
 * after signing is encoded as version 1 and fails to verify.
 *
 * <p>IMPORTANT: this encoding must never change, or every signature ever made stops verifying. A new encoding needs a
 * new version tag, with the old one kept for old records.
 */
public final class SignedFields {

    static final String VERSION = "safeguard-evidence-v1";
    /** Records that belong to a series (see {@code EvidenceDraft#series}) are signed with the series after the collector. */
    static final String VERSION_2 = "safeguard-evidence-v2";

    private SignedFields() {
    }

    public static byte[] of(EvidenceRow row) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            string(out, row.series() == null ? VERSION : VERSION_2);
            string(out, row.id());
            out.writeInt(row.controls().size());
            for (String control : row.controls()) {
                string(out, control);
            }
            string(out, row.kind());
            string(out, row.collectorType());
            string(out, row.collector());
            if (row.series() != null) {
                string(out, row.series());
            }
            out.writeLong(row.collectedAt());
            out.writeLong(row.observedFrom());
            out.writeLong(row.observedTo());
            string(out, row.result());
            string(out, row.details());
            out.writeLong(row.expiresAt());
            out.writeLong(row.retainUntil());
            string(out, row.mediaType());
            string(out, row.fileName());
            out.writeLong(row.contentSize());
            string(out, row.contentSha256());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void string(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }
}
