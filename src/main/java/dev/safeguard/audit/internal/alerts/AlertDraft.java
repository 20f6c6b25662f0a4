package dev.safeguard.audit.internal.alerts;

import dev.safeguard.audit.Alerts.Severity;

/**
 * An alert before it is stored: from a rule over audit events, or from {@link dev.safeguard.audit.Alerts#raise}.
 * Its text never contains PHI or secrets: rules write user ids, counts and sequence numbers only.
 *
 * @param firstSeq the first audit event that led to it, or {@code null}
 * @param at       when it was raised, epoch millis (the triggering event's {@code recordedAt} for rules)
 */
public record AlertDraft(String rule, Severity severity, String subject, String summary, Long firstSeq, long at) {
}
