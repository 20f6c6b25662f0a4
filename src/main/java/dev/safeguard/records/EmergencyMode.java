package dev.safeguard.records;

import dev.safeguard.audit.Alerts;
import dev.safeguard.audit.AuditEvent;
import dev.safeguard.audit.AuditTrail;
import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.identity.Role;
import dev.safeguard.records.internal.EmergencyModeStore;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import dev.safeguard.shared.SecurityEvent.Action;
import dev.safeguard.shared.SecurityEvent.Agent;
import dev.safeguard.shared.SecurityEvent.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import dev.safeguard.platform.StoreRefusals;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

/**
 * Emergency mode operation (164.308(a)(7)(ii)(C)): a switch that makes the vault read-only while the organization
 * works from its contingency plan, e.g. during a suspected compromise or before a restore.
 *
 * <p>Guarantees: while it is on, every write to ePHI (FHIR create, update, patch, delete, a transaction or batch with
 * any write, data-changing operations) and every key rotation or crypto-shredding is refused with 503 and
 * {@code Retry-After}, before anything is stored; reads keep working and stay audited. The state lives in the
 * database and is read there for every write, uncached, so every node refuses writes from the moment the switch
 * commits. Only security officers switch it; each switch is stored (append-only) together with its audit event in one
 * transaction, and switching on raises a high alert. A switch to the state already in force is refused (409).
 */
@Service
public class EmergencyMode {

    /** The audit event type of a switch. */
    public static final String EVENT_TYPE = "emergency-mode";
    /** The alert raised when emergency mode is switched on, and the one raised when it ends. */
    public static final String ALERT_ON = "emergency-mode";
    public static final String ALERT_OFF = "emergency-mode-ended";
    /** How long refused writers are asked to wait before trying again. */
    public static final Duration RETRY_AFTER = Duration.ofMinutes(5);
    static final int MAX_REASON = 500;
    static final int MAX_HISTORY = 200;

    private final EmergencyModeStore store;
    private final AuditTrail trail;
    private final Alerts alerts;
    private final Clock clock;

    EmergencyMode(EmergencyModeStore store, AuditTrail trail, Alerts alerts, Clock clock) {
        this.store = store;
        this.trail = trail;
        this.alerts = alerts;
        this.clock = clock;
    }

    /** The state in force: the latest switch, read from the database now. */
    public EmergencyModeSwitch state() {
        return store.latest().orElse(EmergencyModeSwitch.NEVER_SWITCHED);
    }

    public boolean active() {
        return state().active();
    }

    /**
     * Refuses a write while emergency mode is on.
     *
     * @throws VaultReadOnly while the vault is read-only
     */
    public void requireWritable() {
        EmergencyModeSwitch state = state();
        if (state.active()) {
            throw new VaultReadOnly(state.switchedAt(), RETRY_AFTER);
        }
    }

    /** The switches, newest first (at most 200); for security officers and auditors. */
    public List<EmergencyModeSwitch> history(Actor actor) {
        if (actor == null || actor.kind() != Actor.Kind.USER
                || !(actor.has(Role.SECURITY_OFFICER) || actor.has(Role.AUDITOR))) {
            throw new ProblemException(ProblemKind.FORBIDDEN, "The emergency-mode history is open to security "
                    + "officers and auditors");
        }
        return store.history(MAX_HISTORY);
    }

    /**
     * Switches emergency mode on or off.
     *
     * @param reason why, 1 to 500 characters of one line when switching on (optional when switching off); shown to
     *               every signed-in user, so never PHI
     */
    public EmergencyModeSwitch switchTo(Actor actor, boolean active, String reason, RequestOrigin origin) {
        if (actor == null || actor.kind() != Actor.Kind.USER || !actor.has(Role.SECURITY_OFFICER)) {
            throw new ProblemException(ProblemKind.FORBIDDEN, "Only a security officer switches emergency mode");
        }
        String clean = reason(reason, active);
        long now = clock.millis();
        Agent agent = new Agent(actor.id(), null, actor.roleIds(), actor.sessionRef(), origin.address(),
                origin.userAgent());
        EmergencyModeSwitch done = trail.atomically(() -> {
            EmergencyModeSwitch before = state();
            if (before.active() == active) {
                throw new ProblemException(ProblemKind.CONFLICT, active
                        ? "Emergency mode is on already, since " + before.switchedAt()
                        : "Emergency mode is off already; the vault is writable");
            }
            long seq;
            try {
                seq = store.insert(before.seq(), active, now, actor.id(), clean);
            } catch (DataAccessException e) {
                if (!StoreRefusals.refused(e)) {
                    throw e;
                }
                throw new ProblemException(ProblemKind.CONFLICT, "Emergency mode was switched by someone else just "
                        + "now; reload and try again", null, java.util.Map.of(), e);
            }
            trail.append(new AuditEvent(EVENT_TYPE, active ? "switch-on" : "switch-off", Action.U, Outcome.SUCCESS,
                    null, agent, null, "EmergencyMode", Long.toString(seq), null, null, null, null, null, null));
            return state();
        });
        if (active) {
            alerts.raise(ALERT_ON, Alerts.Severity.HIGH, "vault", "Emergency mode switched on by user "
                    + actor.id() + ": the vault is read-only, writes answer 503");
        } else {
            alerts.raise(ALERT_OFF, Alerts.Severity.LOW, "vault", "Emergency mode switched off by user "
                    + actor.id() + ": the vault accepts writes again");
        }
        return done;
    }

    private static String reason(String reason, boolean active) {
        String clean = reason == null ? "" : reason.strip();
        if (clean.isEmpty()) {
            if (active) {
                throw new ProblemException(ProblemKind.VALIDATION, "Give the reason for emergency mode (1 to "
                        + MAX_REASON + " characters); the workforce sees it while the vault is read-only");
            }
            return null;
        }
        if (clean.length() > MAX_REASON) {
            throw new ProblemException(ProblemKind.VALIDATION, "The reason can have at most " + MAX_REASON
                    + " characters; it has " + clean.length());
        }
        if (clean.chars().anyMatch(Character::isISOControl)) {
            throw new ProblemException(ProblemKind.VALIDATION, "The reason must be one line without control "
                    + "characters");
        }
        return clean;
    }
}
