package dev.safeguard.audit.internal.alerts;

import dev.safeguard.audit.AlertSettings;
import dev.safeguard.audit.AlertSettings.Rule;
import dev.safeguard.audit.Alerts;
import dev.safeguard.audit.Alerts.Severity;
import dev.safeguard.audit.internal.StoredEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The alert rules over committed audit events, in event time ({@code recordedAt}): break-glass use, failed sign-ins
 * on one account, one user touching many distinct patients, denied patient access, account lockout and failed audit
 * verification. Each rule alerts at most once per subject within its window.
 *
 * <p>Guarantees: summaries and subjects carry user or client ids, counts and audit sequence numbers only, never a
 * patient pseudonym, query or reason text. Memory is bounded (see {@link SlidingWindows}, {@link AlertDedupe}).
 * Windows live on this node and start empty after a restart.
 */
final class AlertRules {

    static final String ETREAT = "ETREAT";
    static final String AUDIT_TRAIL = "audit-trail";

    private final AlertSettings settings;
    private final SlidingWindows failedLogins;
    private final SlidingWindows patients;
    private final AlertDedupe dedupe;

    AlertRules(AlertSettings settings) {
        this.settings = settings;
        this.failedLogins = new SlidingWindows(settings.failedLogins().threshold(), settings.failedLogins().window());
        this.patients = new SlidingWindows(settings.patientVolume().threshold(), settings.patientVolume().window());
        this.dedupe = new AlertDedupe(Stream.of(settings.breakGlass(), settings.failedLogins(),
                settings.patientVolume(), settings.patientAccessDenied(), settings.accountLockout(),
                settings.auditVerificationFailure()).map(Rule::window).max(Duration::compareTo).orElseThrow());
    }

    /** The alerts this event raises, already deduplicated; usually none. */
    synchronized List<AlertDraft> evaluate(StoredEvent e) {
        List<AlertDraft> raised = new ArrayList<>(1);
        String who = who(e);
        if (settings.breakGlass().enabled() && ETREAT.equals(e.purpose())) {
            String subject = who == null ? "unknown" : who;
            add(raised, settings.breakGlass(), Alerts.BREAK_GLASS, Severity.HIGH, subject,
                    "Break-glass access (purpose of use ETREAT) by " + describe(subject) + "; audit event " + e.seq(),
                    e.seq(), e);
        }
        if (settings.failedLogins().enabled() && failedSignIn(e) && e.agentUser() != null) {
            Long first = failedLogins.count(e.agentUser(), e.recordedAt(), e.seq());
            if (first != null) {
                Rule rule = settings.failedLogins();
                add(raised, rule, Alerts.FAILED_LOGINS, Severity.MEDIUM, e.agentUser(), rule.threshold()
                        + " failed sign-in attempts on account " + e.agentUser() + " within " + text(rule.window())
                        + "; audit events " + first + " to " + e.seq(), first, e);
            }
        }
        if (settings.patientVolume().enabled() && who != null && e.patientPseudonym() != null) {
            Long first = patients.distinct(who, e.patientPseudonym(), e.recordedAt(), e.seq());
            if (first != null) {
                Rule rule = settings.patientVolume();
                add(raised, rule, Alerts.PATIENT_VOLUME, Severity.HIGH, who, describe(who) + " touched the records "
                        + "of " + rule.threshold() + " distinct patients within " + text(rule.window())
                        + "; audit events " + first + " to " + e.seq(), first, e);
            }
        }
        if (settings.patientAccessDenied().enabled() && e.patientPseudonym() != null && denied(e)) {
            String subject = who == null ? "unknown" : who;
            add(raised, settings.patientAccessDenied(), Alerts.PATIENT_ACCESS_DENIED, Severity.MEDIUM, subject,
                    describe(subject) + " was denied access to a patient record; audit event " + e.seq(), e.seq(), e);
        }
        if (settings.accountLockout().enabled() && "authentication".equals(e.type()) && "lockout".equals(e.subtype())
                && e.agentUser() != null) {
            add(raised, settings.accountLockout(), Alerts.ACCOUNT_LOCKOUT, Severity.HIGH, e.agentUser(), "Account "
                    + e.agentUser() + " was locked after repeated failed sign-ins; audit event " + e.seq(), e.seq(), e);
        }
        if (settings.auditVerificationFailure().enabled() && "audit".equals(e.type()) && "verify".equals(e.subtype())
                && "SERIOUS_FAILURE".equals(e.outcome())) {
            add(raised, settings.auditVerificationFailure(), Alerts.AUDIT_VERIFICATION_FAILURE, Severity.CRITICAL,
                    AUDIT_TRAIL, "Audit verification found the trail altered or incomplete; audit event " + e.seq(),
                    e.seq(), e);
        }
        return raised;
    }

    private void add(List<AlertDraft> raised, Rule rule, String name, Severity severity, String subject,
                     String summary, long firstSeq, StoredEvent e) {
        if (dedupe.first(name, subject, e.recordedAt(), rule.window())) {
            raised.add(new AlertDraft(name, severity, subject, summary, firstSeq, e.recordedAt()));
        }
    }

    static boolean failedSignIn(StoredEvent e) {
        return "authentication".equals(e.type()) && ("login".equals(e.subtype()) || "mfa".equals(e.subtype()))
                && "MINOR_FAILURE".equals(e.outcome());
    }

    static boolean denied(StoredEvent e) {
        return Integer.valueOf(403).equals(e.status())
                || ("access".equals(e.type()) && "MINOR_FAILURE".equals(e.outcome()));
    }

    /** The user id, else {@code client:<id>} for a service client without owner, else {@code null}. */
    static String who(StoredEvent e) {
        if (e.agentUser() != null) {
            return e.agentUser();
        }
        return e.agentClient() == null ? null : "client:" + e.agentClient();
    }

    private static String describe(String subject) {
        return subject.startsWith("client:") ? "service client " + subject.substring(7) : "user " + subject;
    }

    static String text(Duration window) {
        long seconds = window.toSeconds();
        return seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " s";
    }
}
