package dev.safeguard.program;

import java.time.Instant;
import java.util.List;

/**
 * An incident as the workforce member who reported it sees it: what they reported, its status, and the notes they
 * added; nothing of the officers' assessment, counts or notifications.
 */
public record ReportedIncident(String id, String reference, String title, String description, String category,
                               String status, Instant discoveredAt, Instant reportedAt, List<TimelineEntry> notes) {
}
