package dev.safeguard.program;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The limits the contingency checks hold backups and drills to ({@code safeguard.program.contingency.*}), validated at
 * start-up; the defaults are the proposed rule's (January 2025 NPRM).
 *
 * @param backupMaxAge    the latest verified backup may be at most this old (default 48 h)
 * @param drillMaxAge     a restore drill must have passed within this period (default 30 days)
 * @param restoreTimeMax  the latest drill's measured recovery time may be at most this long (default 72 h)
 */
@ConfigurationProperties("safeguard.program.contingency")
public record ContingencySettings(Duration backupMaxAge, Duration drillMaxAge, Duration restoreTimeMax) {

    public ContingencySettings {
        backupMaxAge = backupMaxAge == null ? Duration.ofHours(48) : backupMaxAge;
        drillMaxAge = drillMaxAge == null ? Duration.ofDays(30) : drillMaxAge;
        restoreTimeMax = restoreTimeMax == null ? Duration.ofHours(72) : restoreTimeMax;
        positive("backup-max-age", backupMaxAge, Duration.ofDays(365));
        positive("drill-max-age", drillMaxAge, Duration.ofDays(366));
        positive("restore-time-max", restoreTimeMax, Duration.ofDays(30));
    }

    private static void positive(String name, Duration value, Duration max) {
        if (value.isNegative() || value.isZero() || value.compareTo(max) > 0) {
            throw new IllegalArgumentException("safeguard.program.contingency." + name + " must be positive and at "
                    + "most " + max + "; got " + value);
        }
    }
}
