package dev.safeguard.program;

import java.time.Instant;

/**
 * A periodic security reminder (164.308(a)(5)(ii)(A)) published by an officer to the whole workforce.
 *
 * @param body  Markdown
 * @param html  the body rendered (raw HTML escaped, unsafe links removed; safe to insert into a page)
 * @param reads how many users marked it read; {@code null} in a member's own view
 */
public record SecurityReminder(String id, String title, String body, String html, Instant publishedAt,
                               String publishedBy, Long reads) {
}
