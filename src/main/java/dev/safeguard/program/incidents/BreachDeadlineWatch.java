package dev.safeguard.program.incidents;

import dev.safeguard.platform.PeriodicJob;
import dev.safeguard.program.BreachClocks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Looks at every breach notification deadline on a schedule ({@code safeguard.program.incidents.deadline-check},
 * default hourly) and raises each reminder and overdue alert once.
 */
@Component
class BreachDeadlineWatch extends PeriodicJob {

    private static final Logger log = LoggerFactory.getLogger(BreachDeadlineWatch.class);

    private final BreachClocks clocks;

    BreachDeadlineWatch(BreachClocks clocks, IncidentSettings settings) {
        super("program-breach-deadlines", settings.deadlineFirstCheck(), settings.deadlineCheck());
        this.clocks = clocks;
    }

    @Override
    protected void runOnce() {
        int raised = clocks.alertDue();
        if (raised > 0) {
            log.info("Breach deadline alerts raised: {}", raised);
        }
    }
}
