package dev.safeguard.program;

import java.time.Instant;
import java.util.List;

/**
 * One run of a check, as stored: its outcome and the signed evidence it produced.
 *
 * @param evidenceId the evidence record holding what was observed, signed
 * @param findingId  the open finding this failure belongs to, or {@code null} when it passed
 */
public record CheckRun(String checkId, String title, List<String> controls, String result, String summary,
                       Instant ranAt, String evidenceId, String findingId) {
}
