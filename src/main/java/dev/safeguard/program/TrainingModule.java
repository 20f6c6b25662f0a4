package dev.safeguard.program;

import java.time.Instant;
import java.util.List;

/**
 * A security awareness and training module (164.308(a)(5)): Markdown content shipped with Safeguard or written by an
 * officer, with its cadence.
 *
 * @param source    {@code shipped} (Safeguard's text), {@code customized} (Safeguard's, edited by an officer) or
 *                  {@code custom} (written by an officer)
 * @param citations the catalog items it supports
 * @param atHire    assigned when a member joins (due {@code at-hire-days} later)
 * @param annual    assigned again a year after each completion
 * @param active    inactive modules get no new assignments
 * @param statement what the member attests on completion
 * @param version   the SHA-256 of the current content
 * @param versions  every content version, newest first
 */
public record TrainingModule(String id, String title, String source, List<String> citations, boolean atHire,
                             boolean annual, boolean active, String statement, String version, int words,
                             List<Version> versions, Instant createdAt, String createdBy, Instant updatedAt,
                             String updatedBy) {

    public TrainingModule {
        citations = List.copyOf(citations);
        versions = List.copyOf(versions);
    }

    /** One content version. */
    public record Version(String version, Instant createdAt, String createdBy) {
    }

    /**
     * A module's text: the Markdown and its HTML (raw HTML escaped and unsafe links removed, safe to insert into a
     * page), at one version.
     */
    public record Text(String moduleId, String version, String title, String markdown, String html,
                       String statement) {
    }
}
