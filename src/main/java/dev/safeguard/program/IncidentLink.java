package dev.safeguard.program;

import java.time.Instant;

/**
 * An audit event or alert that belongs to an incident, with what it was (ids and codes only; no patient).
 *
 * @param kind     {@code audit-event} (ref: sequence number) or {@code alert} (ref: alert id)
 * @param at       when the event was recorded or the alert raised
 * @param what     the event's type and subtype, or the alert's rule and summary
 * @param outcome  the event's outcome and status, or the alert's severity and state
 * @param who      the event's user or service client, or the alert's subject
 */
public record IncidentLink(String kind, long ref, String linkedBy, Instant linkedAt, Instant at, String what,
                           String outcome, String who) {
}
