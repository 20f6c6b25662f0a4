package dev.safeguard.program;

import java.util.List;

/**
 * An entry of the shipped catalog of threats and vulnerabilities common in health care.
 *
 * @param id                stable identifier, e.g. {@code ransomware}
 * @param kind              {@code threat} or {@code vulnerability}
 * @param category          e.g. {@code adversarial}, {@code accidental}, {@code structural}, {@code environmental}
 * @param suggestedControls Security Rule specification ids that usually address it
 */
public record Threat(String id, String kind, String category, String title, String description,
                     List<String> suggestedControls) {
}
