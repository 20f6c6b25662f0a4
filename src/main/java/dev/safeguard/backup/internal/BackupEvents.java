package dev.safeguard.backup.internal;

import dev.safeguard.audit.AuditEvent;
import dev.safeguard.audit.AuditTrail;
import dev.safeguard.shared.SecurityEvent.Action;
import dev.safeguard.shared.SecurityEvent.Agent;
import dev.safeguard.shared.SecurityEvent.Outcome;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The audit events of backups, restores, drills and key backups ({@code type=backup}), appended in the same
 * transaction as the record they describe. They carry ids and fixed reason codes only: never paths, file contents,
 * passphrases or key material.
 */
@Component
public class BackupEvents {

    public static final String TYPE = "backup";

    private final AuditTrail trail;

    BackupEvents(AuditTrail trail) {
        this.trail = trail;
    }

    public <T> T atomically(Supplier<T> work) {
        return trail.atomically(work);
    }

    public void record(String subtype, Action action, boolean ok, Agent agent, String entityType, String entityId,
                       String reason) {
        trail.append(new AuditEvent(TYPE, subtype, action, ok ? Outcome.SUCCESS : Outcome.SERIOUS_FAILURE, null,
                agent, null, entityType, entityId, null, null, null, null, null, ok ? null : reason));
    }

    /** Safeguard's own schedule or a drill. */
    public static Agent system(String component) {
        return new Agent(null, null, List.of("system"), null, "local", "safeguard/" + component);
    }

    /** An operator command at the server's terminal. */
    public static Agent command(String command) {
        return new Agent(null, null, List.of("operator"), null, "local-command", "safeguard/" + command);
    }
}
