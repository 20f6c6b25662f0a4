package dev.safeguard.program;

import java.time.Instant;

/**
 * One entry of an incident's timeline.
 *
 * @param occurredAt when it happened (a note may be about something earlier)
 * @param recordedAt when it was written down
 * @param authorId   the user who wrote it, or {@code null} for Safeguard itself
 * @param kind       {@code note} (an officer's), {@code reporter-note} (the reporter's) or {@code change} (written by
 *                   Safeguard for every change to the incident)
 */
public record TimelineEntry(String id, Instant occurredAt, Instant recordedAt, String authorId, String kind,
                            String text) {
}
