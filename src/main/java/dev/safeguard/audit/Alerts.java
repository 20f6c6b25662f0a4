package dev.safeguard.audit;

import dev.safeguard.audit.internal.GroupCommitAppender;
import dev.safeguard.audit.internal.alerts.AlertDispatcher;
import dev.safeguard.audit.internal.alerts.AlertDraft;
import dev.safeguard.audit.internal.alerts.AlertStore;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import dev.safeguard.shared.SecurityEvent.Action;
import dev.safeguard.shared.SecurityEvent.Agent;
import dev.safeguard.shared.SecurityEvent.Outcome;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * The alert inbox (45 CFR 164.308(a)(5)(ii)(C) log-in monitoring, 164.308(a)(1)(ii)(D) activity review): alerts
 * raised by the rules over committed audit events, or by other code through {@link #raise}, with their state
 * {@code OPEN → ACKNOWLEDGED → RESOLVED} (or straight to resolved).
 *
 * <p>Guarantees: an alert never carries PHI or a secret (rules write ids and counts only; callers of {@link #raise}
 * must do the same). A state change is committed together with its audit event ({@code type=alert}) or not at all,
 * and records who and when. {@link #raise} never blocks on the database or the network: storing and delivering
 * (webhook, e-mail) happen on the alerts executor, and an alert that cannot be stored is still logged and delivered.
 */
@Service
public class Alerts {

    public static final String BREAK_GLASS = "break-glass";
    public static final String FAILED_LOGINS = "failed-logins";
    public static final String PATIENT_VOLUME = "patient-volume";
    public static final String PATIENT_ACCESS_DENIED = "patient-access-denied";
    public static final String ACCOUNT_LOCKOUT = "account-lockout";
    public static final String AUDIT_VERIFICATION_FAILURE = "audit-verification-failure";
    public static final String AUDIT_WRITE_FAILURE = "audit-write-failure";
    public static final String RECORD_INTEGRITY_FAILURE = "record-integrity-failure";

    /** Largest page {@link #list} returns. */
    public static final int MAX_PAGE_SIZE = 200;
    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{0,63}");

    public enum Severity { LOW, MEDIUM, HIGH, CRITICAL }

    public enum State { OPEN, ACKNOWLEDGED, RESOLVED }

    /** One alert; {@code firstSeq} is the first audit event that led to it, or {@code null} for a direct raise. */
    public record Alert(long id, String rule, Severity severity, String subject, String summary, Long firstSeq,
                        Instant createdAt, State state, String stateChangedBy, Instant stateChangedAt,
                        String acknowledgedBy, Instant acknowledgedAt, String resolvedBy, Instant resolvedAt) {
    }

    public record Page(List<Alert> items, int page, int size, long total) {
    }

    private final AlertStore store;
    private final AlertDispatcher dispatcher;
    private final GroupCommitAppender appender;
    private final Clock clock;

    Alerts(AlertStore store, AlertDispatcher dispatcher, GroupCommitAppender appender, Clock clock) {
        this.store = store;
        this.dispatcher = dispatcher;
        this.appender = appender;
        this.clock = clock;
    }

    /** Alerts newest first, optionally only those in {@code state}, of {@code rule} and about {@code subject}. */
    public Page list(State state, String rule, String subject, int page, int size) {
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new ProblemException(ProblemKind.VALIDATION, "size must be between 1 and " + MAX_PAGE_SIZE
                    + "; got " + size);
        }
        if (page < 0 || page > 100_000) {
            throw new ProblemException(ProblemKind.VALIDATION, "page must be between 0 and 100000; got " + page);
        }
        if (rule != null && !NAME.matcher(rule).matches()) {
            throw new ProblemException(ProblemKind.VALIDATION, "rule must be a rule name such as '" + FAILED_LOGINS
                    + "'");
        }
        if (subject != null && subject.length() > 200) {
            throw new ProblemException(ProblemKind.VALIDATION, "subject must have at most 200 characters");
        }
        return new Page(store.list(state, rule, subject, page, size), page, size, store.count(state, rule, subject));
    }

    public Alert get(long id) {
        return store.find(id).orElseThrow(() -> notFound(id));
    }

    /** Marks an open alert as being handled by {@code actor}. */
    public Alert acknowledge(long id, Agent actor) {
        return transition(id, State.ACKNOWLEDGED, actor);
    }

    /** Closes an open or acknowledged alert. */
    public Alert resolve(long id, Agent actor) {
        return transition(id, State.RESOLVED, actor);
    }

    /**
     * Raises an alert from code (audit write or verification failures, ...). Returns at once; at most one alert per
     * rule and subject within the rule's window (10 min for rules without settings).
     *
     * @param rule    a rule name: lower case letters, digits, '-' and '.', e.g. {@link #AUDIT_WRITE_FAILURE}
     * @param subject what the alert is about, e.g. a user id or {@code audit-trail}; never PHI
     * @param summary one line for a person, at most 500 characters; never PHI, a secret or an exception message
     * @throws IllegalArgumentException when an argument breaks these rules
     */
    public void raise(String rule, Severity severity, String subject, String summary) {
        if (rule == null || !NAME.matcher(rule).matches()) {
            throw new IllegalArgumentException("rule must match " + NAME.pattern() + "; got '" + rule + "'");
        }
        if (severity == null) {
            throw new IllegalArgumentException("severity is required");
        }
        if (subject == null || subject.isBlank() || subject.length() > 200) {
            throw new IllegalArgumentException("subject must have 1 to 200 characters");
        }
        if (summary == null || summary.isBlank() || summary.length() > 500 || summary.chars().anyMatch(c -> c < 32)) {
            throw new IllegalArgumentException("summary must be one line of 1 to 500 characters");
        }
        dispatcher.raise(new AlertDraft(rule, severity, subject, summary, null, clock.millis()));
    }

    private Alert transition(long id, State to, Agent actor) {
        if (actor == null || actor.userId() == null) {
            throw new ProblemException(ProblemKind.FORBIDDEN, "Only a signed-in person can change an alert's state");
        }
        return appender.atomically(() -> {
            Alert before = store.find(id).orElseThrow(() -> notFound(id));
            long now = clock.millis();
            if (!store.transition(id, to, actor.userId(), now)) {
                throw new ProblemException(ProblemKind.CONFLICT, "Alert " + id + " is " + name(before.state())
                        + " and cannot become " + name(to) + (before.state() == State.RESOLVED
                        ? "; a resolved alert is final" : ""));
            }
            appender.append(new AuditEvent("alert", to == State.RESOLVED ? "resolve" : "acknowledge", Action.U,
                    Outcome.SUCCESS, null, actor, null, "Alert", Long.toString(id), null, null, null, null, null,
                    null));
            return store.find(id).orElseThrow();
        });
    }

    private static String name(State state) {
        return state.name().toLowerCase(Locale.ROOT);
    }

    private static ProblemException notFound(long id) {
        return new ProblemException(ProblemKind.NOT_FOUND, "No alert with id " + id);
    }
}
