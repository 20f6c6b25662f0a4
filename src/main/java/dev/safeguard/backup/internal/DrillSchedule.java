package dev.safeguard.backup.internal;

import dev.safeguard.backup.BackupSettings;
import dev.safeguard.backup.RestoreDrill;
import dev.safeguard.backup.RestoreDrills;
import dev.safeguard.platform.PeriodicJob;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Runs a restore drill when the newest finished drill started at least {@code safeguard.backup.drill-interval} ago
 * (default weekly), or none ever ran; it looks as often as the backup schedule, first
 * {@code safeguard.backup.drill-first-delay} (default 2 h) after start.
 */
@Component
public class DrillSchedule extends PeriodicJob {

    private final RestoreDrills drills;
    private final BackupSettings settings;
    private final Clock clock;

    DrillSchedule(RestoreDrills drills, BackupSettings settings, Clock clock,
                  @Value("${safeguard.backup.drill-first-delay:2h}") Duration firstDelay) {
        super("restore-drill-schedule", firstDelay, settings.checkInterval());
        this.drills = drills;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    protected void runOnce() {
        if (settings.scheduled()) {
            runDue();
        }
    }

    /** Runs the drill if one is due and none is running; returns it. */
    public Optional<RestoreDrill> runDue() {
        Optional<RestoreDrill> latest = drills.latestFinished();
        boolean due = latest.isEmpty() || Duration.between(latest.get().startedAt(), clock.instant())
                .compareTo(settings.drillInterval()) >= 0;
        if (!due || drills.running()) {
            return Optional.empty();
        }
        return Optional.of(drills.run("schedule", BackupEvents.system("restore-drill-schedule"), null));
    }
}
