package dev.safeguard.program;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the workforce roster and training (164.308(a)(3), (a)(5)), validated at start-up.
 *
 * @param atHireDays            at-hire training is due this many days after the later of the hire date and the day
 *                              the member got an account (default 30; 1 to 365)
 * @param annualLead            an annual assignment is created this long before it falls due, a year after the last
 *                              completion (default 30 days; 0 to 180 days)
 * @param reminderInterval      a security reminder must have been published within this period for the check to
 *                              pass (default 90 days; 1 to 366 days)
 * @param reportInterval        a signed training report is recorded as evidence this often (default 30 days; 1 to
 *                              366 days)
 * @param trainingCheckInterval how often due assignments are created and the report is recorded when due (default
 *                              1 h; 1 min to 24 h)
 * @param trainingFirstDelay    from start-up to the first of those runs (default 2 min; at most 24 h)
 * @param terminationInterval   how often scheduled terminations whose effective time has come are carried out; their
 *                              revocation latency is at most this plus the run time (default 1 min; 5 s to 15 min)
 */
@ConfigurationProperties("safeguard.program.workforce")
public record WorkforceSettings(Integer atHireDays, Duration annualLead, Duration reminderInterval,
                                Duration reportInterval, Duration trainingCheckInterval,
                                Duration trainingFirstDelay, Duration terminationInterval) {

    public WorkforceSettings {
        atHireDays = atHireDays == null ? 30 : atHireDays;
        annualLead = annualLead == null ? Duration.ofDays(30) : annualLead;
        reminderInterval = reminderInterval == null ? Duration.ofDays(90) : reminderInterval;
        reportInterval = reportInterval == null ? Duration.ofDays(30) : reportInterval;
        trainingCheckInterval = trainingCheckInterval == null ? Duration.ofHours(1) : trainingCheckInterval;
        trainingFirstDelay = trainingFirstDelay == null ? Duration.ofMinutes(2) : trainingFirstDelay;
        terminationInterval = terminationInterval == null ? Duration.ofMinutes(1) : terminationInterval;
        if (atHireDays < 1 || atHireDays > 365) {
            throw new IllegalArgumentException("safeguard.program.workforce.at-hire-days must be between 1 and 365; "
                    + "got " + atHireDays);
        }
        between("annual-lead", annualLead, Duration.ZERO, Duration.ofDays(180));
        between("reminder-interval", reminderInterval, Duration.ofDays(1), Duration.ofDays(366));
        between("report-interval", reportInterval, Duration.ofDays(1), Duration.ofDays(366));
        between("training-check-interval", trainingCheckInterval, Duration.ofMinutes(1), Duration.ofHours(24));
        between("training-first-delay", trainingFirstDelay, Duration.ZERO, Duration.ofHours(24));
        between("termination-interval", terminationInterval, Duration.ofSeconds(5), Duration.ofMinutes(15));
    }

    private static void between(String name, Duration value, Duration min, Duration max) {
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException("safeguard.program.workforce." + name + " must be between " + min
                    + " and " + max + "; got " + value);
        }
    }
}
