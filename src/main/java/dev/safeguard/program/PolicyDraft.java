package dev.safeguard.program;

import java.util.List;

/**
 * What an officer gives to create a policy: a template's id (its text, title, citations, cadence and acknowledgment
 * flag are the defaults; anything given here replaces them), or a title, at least one citation and the Markdown text.
 *
 * @param template               a shipped template's id, or {@code null} for a policy written from scratch
 * @param organization           fills {@code {{organization}}} (default: the {@code safeguard.program.policies
 *                               .organization} setting)
 * @param topic                  the core policy it is, for a policy not made from a template; {@code null}: none
 * @param ownerId                an active workforce member (default: the creator)
 * @param reviewMonths           1 to 36 (default 12, or the template's)
 * @param acknowledgmentRequired default: true, or the template's
 */
public record PolicyDraft(String template, String organization, String title, String topic, String ownerId,
                          List<String> citations, Integer reviewMonths, Boolean acknowledgmentRequired,
                          String markdown) {

    public PolicyDraft {
        citations = citations == null ? null : List.copyOf(citations);
    }
}
