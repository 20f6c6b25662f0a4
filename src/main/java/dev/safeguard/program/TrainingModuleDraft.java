package dev.safeguard.program;

import java.util.List;

/**
 * A training module as an officer writes or changes it; on a change, {@code null} fields stay as they are.
 *
 * @param id        on creation: {@code [a-z0-9][a-z0-9-]{2,63}}, or {@code null} to derive it from the title
 * @param content   Markdown starting with a level-1 heading (the title), at most 100,000 characters; a change of text
 *                  is a new version
 * @param citations catalog items it supports (default: 164.308(a)(5)(ii)(B), (C) and (D))
 * @param statement the attestation statement; {@code null}: the module's "Acknowledgment" section, or a default
 */
public record TrainingModuleDraft(String id, String content, List<String> citations, Boolean atHire, Boolean annual,
                          Boolean active, String statement) {
}
