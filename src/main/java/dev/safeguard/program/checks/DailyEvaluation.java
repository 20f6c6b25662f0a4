package dev.safeguard.program.checks;

import dev.safeguard.platform.PeriodicJob;
import dev.safeguard.program.Evaluation;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Runs every evaluation check on a schedule (default: 5 minutes after start, then every 24 h), so that evidence
 * stays fresh without anyone asking.
 */
@Component
class DailyEvaluation extends PeriodicJob {

    private static final Logger log = LoggerFactory.getLogger(DailyEvaluation.class);

    private final Evaluation evaluation;

    DailyEvaluation(Evaluation evaluation, @Value("${safeguard.program.evaluation-interval:24h}") Duration interval,
                    @Value("${safeguard.program.evaluation-first-delay:5m}") Duration firstDelay) {
        super("program-evaluation", firstDelay, interval);
        this.evaluation = evaluation;
    }

    @Override
    protected void runOnce() {
        long failing = evaluation.runAll().stream().filter(r -> r.result().equals("fail")).count();
        log.info("Evaluation checks ran; {} failing", failing);
    }
}
