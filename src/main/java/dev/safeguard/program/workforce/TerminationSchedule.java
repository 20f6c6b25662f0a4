package dev.safeguard.program.workforce;

import dev.safeguard.platform.PeriodicJob;
import dev.safeguard.program.Terminations;
import dev.safeguard.program.WorkforceSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Carries out scheduled terminations when their effective time comes: every
 * {@code safeguard.program.workforce.termination-interval} (default 1 min, so the latency stays far below the
 * proposed rule's hour).
 */
@Component
class TerminationSchedule extends PeriodicJob {

    private static final Logger log = LoggerFactory.getLogger(TerminationSchedule.class);

    private final Terminations terminations;

    TerminationSchedule(Terminations terminations, WorkforceSettings settings) {
        super("program-termination", settings.terminationInterval(), settings.terminationInterval());
        this.terminations = terminations;
    }

    @Override
    protected void runOnce() {
        int done = terminations.executeDue();
        if (done > 0) {
            log.info("Carried out {} scheduled terminations", done);
        }
    }
}
