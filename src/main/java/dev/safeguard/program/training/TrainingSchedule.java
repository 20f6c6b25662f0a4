package dev.safeguard.program.training;

import dev.safeguard.platform.PeriodicJob;
import dev.safeguard.program.TrainingAssignments;
import dev.safeguard.program.TrainingReports;
import dev.safeguard.program.WorkforceSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps training on its cadence: every {@code safeguard.program.workforce.training-check-interval} (default 1 h;
 * the first time {@code training-first-delay}, 2 min, after start) it creates the assignments that fell due (at
 * hire, annual) and records the signed training report when the last one is older than {@code report-interval}.
 * Both are idempotent.
 */
@Component
class TrainingSchedule extends PeriodicJob {

    private static final Logger log = LoggerFactory.getLogger(TrainingSchedule.class);

    private final TrainingAssignments assignments;
    private final TrainingReports reports;

    TrainingSchedule(TrainingAssignments assignments, TrainingReports reports, WorkforceSettings settings) {
        super("program-training", settings.trainingFirstDelay(), settings.trainingCheckInterval());
        this.assignments = assignments;
        this.reports = reports;
    }

    @Override
    protected void runOnce() {
        int created = assignments.assignAllDue();
        if (created > 0) {
            log.info("Created {} training assignments", created);
        }
        reports.recordIfDue().ifPresent(r -> log.info("Recorded training report {} as evidence {}", r.id(),
                r.evidenceId()));
    }
}
