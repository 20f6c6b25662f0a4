package dev.safeguard.program.vendors;

import dev.safeguard.platform.PeriodicJob;
import dev.safeguard.program.BusinessAssociateAgreements;
import dev.safeguard.program.VendorSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Raises business associate agreement expiry reminders (alert rule {@value BusinessAssociateAgreements#REMINDER_RULE})
 * as agreements come within 60, 30 and 7 days of their expiry: every
 * {@code safeguard.program.vendors.reminder-interval} (default 1 h). Each reminder is raised once, also with several
 * nodes.
 */
@Component
class ExpiryReminders extends PeriodicJob {

    private static final Logger log = LoggerFactory.getLogger(ExpiryReminders.class);

    private final BusinessAssociateAgreements agreements;

    ExpiryReminders(BusinessAssociateAgreements agreements, VendorSettings settings) {
        super("program-baa-reminders", settings.reminderFirstDelay(), settings.reminderInterval());
        this.agreements = agreements;
    }

    @Override
    protected void runOnce() {
        int raised = agreements.remindDue();
        if (raised > 0) {
            log.info("Raised {} business associate agreement expiry reminders", raised);
        }
    }
}
