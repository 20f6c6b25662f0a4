package dev.safeguard.program;

import dev.safeguard.program.internal.Markdown;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A policy in force that asks the signed-in user for an acknowledgment, with theirs if they gave it.
 *
 * @param dueOn          acknowledge by then: the later of the version's effective date and the account's creation,
 *                       plus the acknowledgment period (default 30 days)
 * @param acknowledgedAt when they acknowledged this version, or {@code null}
 * @param overdue        not acknowledged and past {@code dueOn}
 * @param markdown       the version's text (Markdown)
 */
public record MyPolicy(String policyId, String title, int version, Instant effectiveAt, LocalDate dueOn,
                       boolean acknowledged, Instant acknowledgedAt, boolean overdue, String contentSha256,
                       String markdown) {

    /** The text as HTML, safe to insert unescaped (raw HTML escaped, unsafe links removed). */
    public String html() {
        return Markdown.html(markdown);
    }
}
