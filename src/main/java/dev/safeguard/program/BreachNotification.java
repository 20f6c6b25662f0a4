package dev.safeguard.program;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A breach notification that was sent.
 *
 * @param recipient   {@link IncidentTerms#RECIPIENTS}
 * @param state       for media notice, the state or jurisdiction whose media outlets were notified
 * @param sentOn      the day it was sent in the organization's time zone (what deadlines compare)
 * @param method      {@link IncidentTerms#METHODS}
 * @param individuals how many individuals the notice covered (required for notices to individuals)
 */
public record BreachNotification(String id, String recipient, String state, Instant sentAt, LocalDate sentOn,
                                 String method, Long individuals, String notes, Instant recordedAt,
                                 String recordedBy) {
}
