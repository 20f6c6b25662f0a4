package dev.safeguard.program.policies;

import dev.safeguard.platform.PeriodicJob;
import dev.safeguard.program.PolicySettings;
import dev.safeguard.program.PolicyVersions;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Makes approved policy versions effective when their effective date comes (checked every
 * {@code safeguard.program.policies.activation-interval}, default 15 minutes, starting a minute after start-up); the
 * previous effective version is superseded in the same transaction.
 */
@Component
class PolicyActivation extends PeriodicJob {

    private static final Logger log = LoggerFactory.getLogger(PolicyActivation.class);

    private final PolicyVersions versions;

    PolicyActivation(PolicyVersions versions, PolicySettings settings) {
        super("program-policy-activation", Duration.ofMinutes(1), settings.activationInterval());
        this.versions = versions;
    }

    @Override
    protected void runOnce() {
        int activated = versions.activateDue();
        if (activated > 0) {
            log.info("Policy versions made effective on their date: {}", activated);
        }
    }
}
