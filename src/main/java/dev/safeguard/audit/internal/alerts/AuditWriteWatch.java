package dev.safeguard.audit.internal.alerts;

import dev.safeguard.audit.Alerts;
import dev.safeguard.audit.Alerts.Severity;
import dev.safeguard.audit.internal.GroupCommitAppender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Raises {@code audit-write-failure} when the audit appender reports that it cannot commit (checked every 5 s), so
 * the alert does not depend on the appender knowing about alerts. The inbox insert will usually fail too then; the
 * alert is still logged at ERROR and delivered by webhook and e-mail.
 */
@Component
class AuditWriteWatch {

    private final GroupCommitAppender appender;
    private final Alerts alerts;
    private boolean wasHealthy = true;

    AuditWriteWatch(GroupCommitAppender appender, Alerts alerts) {
        this.appender = appender;
        this.alerts = alerts;
    }

    @Scheduled(fixedDelay = 5_000, initialDelay = 5_000)
    synchronized void check() {
        boolean healthy = appender.healthy();
        if (wasHealthy && !healthy) {
            alerts.raise(Alerts.AUDIT_WRITE_FAILURE, Severity.CRITICAL, AlertRules.AUDIT_TRAIL,
                    "The audit trail cannot commit events; audited requests are refused with 503 until it recovers");
        }
        wasHealthy = healthy;
    }
}
