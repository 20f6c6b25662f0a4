package dev.safeguard.program;

import java.time.Instant;
import java.util.Map;

/**
 * The breach report of an incident, for counsel or to accompany the HHS breach portal filing: the incident, who is
 * affected (counts per state), the risk assessment and its determination, the deadlines and the notifications sent.
 * It holds no PHI: no patient's id, name, address or pseudonym.
 *
 * @param format          {@value #FORMAT}
 * @param timeZone        the organization's time zone, in which every day of the report is counted
 * @param determination   what the record shows, in words (the safe harbor said so when it applies)
 * @param names           display names of the workforce members the report mentions, by user id
 */
public record BreachReport(String format, Instant generatedAt, String generatedBy, String timeZone,
                           String determination, Incident incident, Map<String, String> names) {

    public static final String FORMAT = "safeguard-breach-report/1";
}
