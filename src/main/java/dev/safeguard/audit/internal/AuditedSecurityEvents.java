package dev.safeguard.audit.internal;

import dev.safeguard.audit.AuditEvent;
import dev.safeguard.shared.SecurityEvent;
import dev.safeguard.shared.SecurityEventRecorder;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/** The audit trail as the recorder of other modules' security events. */
@Component
class AuditedSecurityEvents implements SecurityEventRecorder {

    private final GroupCommitAppender appender;

    AuditedSecurityEvents(GroupCommitAppender appender) {
        this.appender = appender;
    }

    @Override
    public void record(SecurityEvent event) {
        appender.append(AuditEvent.of(event));
    }

    @Override
    public <T> T atomically(Supplier<T> work) {
        return appender.atomically(work);
    }
}
