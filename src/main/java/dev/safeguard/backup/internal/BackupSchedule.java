package dev.safeguard.backup.internal;

import dev.safeguard.backup.BackupRun;
import dev.safeguard.backup.BackupSettings;
import dev.safeguard.backup.Backups;
import dev.safeguard.platform.PeriodicJob;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Takes a backup when the newest one started at least {@code safeguard.backup.interval} ago (or none exists). It
 * looks every {@code safeguard.backup.check-interval}, first {@code safeguard.backup.first-delay} (default 1 h) after
 * start, so a restart never skips a due backup and never takes one twice. A failed attempt counts: the next one waits
 * for the interval too (the failure is alerted).
 */
@Component
public class BackupSchedule extends PeriodicJob {

    private final Backups backups;
    private final BackupSettings settings;
    private final Clock clock;

    BackupSchedule(Backups backups, BackupSettings settings, Clock clock,
                   @Value("${safeguard.backup.first-delay:1h}") Duration firstDelay) {
        super("backup-schedule", firstDelay, settings.checkInterval());
        this.backups = backups;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    protected void runOnce() {
        if (settings.scheduled()) {
            runDue();
        }
    }

    /** Takes the backup if one is due and none is running; returns it. */
    public Optional<BackupRun> runDue() {
        Optional<BackupRun> latest = backups.latest();
        boolean due = latest.isEmpty() || Duration.between(latest.get().startedAt(), clock.instant())
                .compareTo(settings.interval()) >= 0;
        if (!due || backups.running()) {
            return Optional.empty();
        }
        return Optional.of(backups.create("schedule", BackupEvents.system("backup-schedule"), null));
    }
}
