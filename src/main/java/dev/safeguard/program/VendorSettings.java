package dev.safeguard.program;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of vendor and business associate agreement management, validated at start-up.
 *
 * @param reminderDays        how many days before an agreement expires its reminders are raised (default 60, 30 and
 *                            7; 1 to 5 distinct values between 1 and 365)
 * @param reminderInterval    how often expiring agreements are looked for (default 1 h; 1 min to 24 h)
 * @param reminderFirstDelay  from start-up to the first look (default 2 min)
 * @param gateCacheTtl        how long a node trusts what it read about a service client's vendor and agreements
 *                            before reading again (default 30 s; 0 to 5 min; 0 reads on every request). Changes made
 *                            on the same node take effect at once; this bounds how late another node sees them
 */
@ConfigurationProperties("safeguard.program.vendors")
public record VendorSettings(List<Integer> reminderDays, Duration reminderInterval, Duration reminderFirstDelay,
                             Duration gateCacheTtl) {

    public VendorSettings {
        reminderDays = reminderDays == null || reminderDays.isEmpty() ? List.of(60, 30, 7) : reminderDays;
        reminderInterval = reminderInterval == null ? Duration.ofHours(1) : reminderInterval;
        reminderFirstDelay = reminderFirstDelay == null ? Duration.ofMinutes(2) : reminderFirstDelay;
        gateCacheTtl = gateCacheTtl == null ? Duration.ofSeconds(30) : gateCacheTtl;
        if (reminderDays.size() > 5 || reminderDays.stream().distinct().count() != reminderDays.size()
                || reminderDays.stream().anyMatch(d -> d == null || d < 1 || d > 365)) {
            throw new IllegalArgumentException("safeguard.program.vendors.reminder-days must be 1 to 5 distinct whole "
                    + "numbers of days between 1 and 365; got " + reminderDays);
        }
        reminderDays = reminderDays.stream().sorted(java.util.Comparator.reverseOrder()).toList();
        if (reminderInterval.compareTo(Duration.ofMinutes(1)) < 0 || reminderInterval.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("safeguard.program.vendors.reminder-interval must be between 1 minute "
                    + "and 24 hours; got " + reminderInterval);
        }
        if (reminderFirstDelay.isNegative()) {
            throw new IllegalArgumentException("safeguard.program.vendors.reminder-first-delay must not be negative; "
                    + "got " + reminderFirstDelay);
        }
        if (gateCacheTtl.isNegative() || gateCacheTtl.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("safeguard.program.vendors.gate-cache-ttl must be between 0 and 5 "
                    + "minutes; got " + gateCacheTtl);
        }
    }
}
