package dev.safeguard.backup;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Backup and restore-drill settings ({@code safeguard.backup.*}), validated at start-up.
 *
 * @param dir               where data backups are written (default {@code ./backups}); put it on other storage
 * @param interval          how often the schedule takes a backup (default 24 h; 1 h to 7 days)
 * @param keep              how many completed backups the schedule keeps; older ones are deleted (default 14)
 * @param drillInterval     how often a restore drill runs (default 7 days; 1 h to 90 days)
 * @param drillSample       resource versions a drill decrypts from the restored copy (default 200)
 * @param drillDir          scratch directory of drills (default: the system's temporary directory); each drill
 *                          restores into a fresh sub-directory and deletes it afterwards
 * @param keysDir           where {@code backup keys} writes the key backup (default {@code ./key-backups}); never
 *                          inside the data backup directory, nor it inside this one
 * @param checkInterval     how often the schedules look whether a backup or drill is due (default 10 min)
 * @param verifyAfterCreate re-read and verify every backup right after writing it (default true)
 * @param scheduled         whether the schedules run (default true; operator commands turn them off)
 */
@ConfigurationProperties("safeguard.backup")
public record BackupSettings(Path dir, Duration interval, Integer keep, Duration drillInterval, Integer drillSample,
                             Path drillDir, Path keysDir, Duration checkInterval, Boolean verifyAfterCreate,
                             Boolean scheduled) {

    public BackupSettings {
        dir = dir == null ? Path.of("backups") : dir;
        interval = interval == null ? Duration.ofHours(24) : interval;
        keep = keep == null ? 14 : keep;
        drillInterval = drillInterval == null ? Duration.ofDays(7) : drillInterval;
        drillSample = drillSample == null ? 200 : drillSample;
        drillDir = drillDir == null ? Path.of(System.getProperty("java.io.tmpdir")) : drillDir;
        keysDir = keysDir == null ? Path.of("key-backups") : keysDir;
        checkInterval = checkInterval == null ? Duration.ofMinutes(10) : checkInterval;
        verifyAfterCreate = verifyAfterCreate == null || verifyAfterCreate;
        scheduled = scheduled == null || scheduled;
        within("safeguard.backup.interval", interval, Duration.ofHours(1), Duration.ofDays(7));
        within("safeguard.backup.drill-interval", drillInterval, Duration.ofHours(1), Duration.ofDays(90));
        within("safeguard.backup.check-interval", checkInterval, Duration.ofSeconds(1), Duration.ofHours(1));
        if (keep < 1 || keep > 1000) {
            throw new IllegalArgumentException("safeguard.backup.keep must be between 1 and 1000; got " + keep);
        }
        if (drillSample < 1 || drillSample > 100_000) {
            throw new IllegalArgumentException("safeguard.backup.drill-sample must be between 1 and 100000; got "
                    + drillSample);
        }
        Path backups = dir.toAbsolutePath().normalize();
        Path keys = keysDir.toAbsolutePath().normalize();
        if (keys.startsWith(backups) || backups.startsWith(keys)) {
            throw new IllegalArgumentException("safeguard.backup.keys-dir (" + keys + ") and safeguard.backup.dir ("
                    + backups + ") must be apart: key material is never stored with the data backups");
        }
    }

    private static void within(String name, Duration value, Duration min, Duration max) {
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + "; got " + value);
        }
    }

    /** The backup directory, absolute. */
    public Path backupDir() {
        return dir.toAbsolutePath().normalize();
    }

    /** The key-backup directory, absolute. */
    public Path keyBackupDir() {
        return keysDir.toAbsolutePath().normalize();
    }
}
