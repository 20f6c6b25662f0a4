package dev.safeguard.program.incidents;

import dev.safeguard.program.IncidentTerms;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of security incidents and breach notification, validated at start-up.
 *
 * @param timeZone           the organization's time zone: the calendar day of discovery (164.404(a)(2)) and every
 *                           deadline date are taken in it (default {@code UTC}); e.g. {@code America/Chicago}
 * @param organizationRole   the capacity a new incident is handled in when nobody says: {@code covered-entity}
 *                           (default; notifies individuals, HHS and media) or {@code business-associate} (notifies the
 *                           covered entity, 164.410)
 * @param triageWithin       an incident left in {@code reported} longer than this fails the triage check (default 3
 *                           days; 1 hour to 30 days)
 * @param reminderDays       a reminder alert is raised when a deadline is this many days away or fewer (default 10;
 *                           0 to 59, 0 for none before the due day)
 * @param deadlineCheck      how often deadlines are looked at for reminders and overdue alerts (default 1 h)
 * @param deadlineFirstCheck from start-up to the first look (default 2 min)
 */
@ConfigurationProperties("safeguard.program.incidents")
public record IncidentSettings(String timeZone, String organizationRole, Duration triageWithin, Integer reminderDays,
                               Duration deadlineCheck, Duration deadlineFirstCheck) {

    public IncidentSettings {
        timeZone = timeZone == null || timeZone.isBlank() ? "UTC" : timeZone.strip();
        try {
            ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("safeguard.program.incidents.time-zone must be a time zone id such as "
                    + "UTC or America/New_York; got '" + timeZone + "'");
        }
        organizationRole = organizationRole == null || organizationRole.isBlank() ? IncidentTerms.COVERED_ENTITY
                : organizationRole.strip();
        if (!IncidentTerms.CAPACITIES.contains(organizationRole)) {
            throw new IllegalArgumentException("safeguard.program.incidents.organization-role must be one of "
                    + IncidentTerms.CAPACITIES + "; got '" + organizationRole + "'");
        }
        triageWithin = triageWithin == null ? Duration.ofDays(3) : triageWithin;
        if (triageWithin.compareTo(Duration.ofHours(1)) < 0 || triageWithin.compareTo(Duration.ofDays(30)) > 0) {
            throw new IllegalArgumentException("safeguard.program.incidents.triage-within must be between 1 hour and "
                    + "30 days; got " + triageWithin);
        }
        reminderDays = reminderDays == null ? 10 : reminderDays;
        if (reminderDays < 0 || reminderDays > 59) {
            throw new IllegalArgumentException("safeguard.program.incidents.reminder-days must be between 0 and 59; "
                    + "got " + reminderDays);
        }
        deadlineCheck = deadlineCheck == null ? Duration.ofHours(1) : deadlineCheck;
        deadlineFirstCheck = deadlineFirstCheck == null ? Duration.ofMinutes(2) : deadlineFirstCheck;
        if (deadlineCheck.compareTo(Duration.ofSeconds(10)) < 0 || deadlineCheck.compareTo(Duration.ofDays(1)) > 0
                || deadlineFirstCheck.isNegative()) {
            throw new IllegalArgumentException("safeguard.program.incidents.deadline-check must be between 10 seconds "
                    + "and 1 day and deadline-first-check not negative; got " + deadlineCheck + " and "
                    + deadlineFirstCheck);
        }
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }
}
