package dev.safeguard.program;

import java.time.Instant;

/**
 * The execution of a requested business associate agreement, with the signed document.
 *
 * @param executedAt  when it was signed ({@code null}: now); not in the future, not before the day it was requested
 * @param effectiveAt when it takes effect ({@code null}: when signed); at most a year after signing
 * @param expiresAt   when it stops being in force, after it takes effect and within 20 years; {@code null} when it
 *                    has no fixed expiry (in force until terminated)
 * @param document    the signed agreement, 1 byte to 10 MiB
 * @param mediaType   the document's media type, e.g. {@code application/pdf}
 * @param fileName    the uploaded file's name, or {@code null}
 */
public record AgreementExecution(Instant executedAt, Instant effectiveAt, Instant expiresAt, byte[] document,
                                 String mediaType, String fileName) {

    @Override
    public String toString() {
        return "AgreementExecution[" + executedAt + ", " + (document == null ? 0 : document.length) + " bytes]";
    }
}
