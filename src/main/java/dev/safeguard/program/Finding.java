package dev.safeguard.program;

import java.time.Instant;
import java.util.List;

/**
 * A failing check, opened on its first failure and closed by its next pass; linked to the controls the check
 * supports.
 *
 * @param closedAt when a later run passed, or {@code null} while open
 */
public record Finding(String id, String checkId, List<String> controls, String summary, Instant openedAt,
                      Instant closedAt, String lastEvidenceId) {
}
