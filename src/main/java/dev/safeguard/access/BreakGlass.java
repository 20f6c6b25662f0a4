package dev.safeguard.access;

import dev.safeguard.access.internal.AccessEvents;
import dev.safeguard.access.internal.AccessStore;
import dev.safeguard.access.internal.AccessStore.GrantRow;
import dev.safeguard.audit.Alerts;
import dev.safeguard.crypto.SecretSealer;
import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.identity.Role;
import dev.safeguard.identity.SignIn;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import dev.safeguard.shared.SecurityEvent.Action;
import dev.safeguard.shared.SecurityEvent.Outcome;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The emergency access procedure (164.312(a)(2)(ii)): a clinician who is not on a patient's care team requests
 * access to that one patient, re-authenticates with password and TOTP, states a reason (at least 20 characters) and a
 * purpose, and gets a grant that ends by itself (default 60 min, at most 4 h). The grant and every access under it are
 * audited with purpose of use {@code ETREAT}, which raises the break-glass alert to security officers at once. Every
 * grant is then reviewed by a security officer other than the requester (approve, or escalate to an incident);
 * unreviewed grants older than 72 h are overdue and alerted.
 */
@Service
public class BreakGlass {

    /** HL7 v3 PurposeOfUse codes accepted for a request. */
    public static final Map<String, String> PURPOSES = Map.of(
            "ETREAT", "Emergency treatment",
            "BTG", "Break the glass: another emergency that puts a patient at risk");
    static final int MIN_REASON = 20;
    static final int MAX_TEXT = 2000;
    static final String OVERDUE_RULE = "break-glass-overdue";
    static final String ESCALATED_RULE = "break-glass-escalated";

    private final AccessStore store;
    private final AccessEvents events;
    private final SignIn signIn;
    private final SecretSealer sealer;
    private final PatientDirectory patients;
    private final Alerts alerts;
    private final AccessSettings settings;
    private final Clock clock;

    BreakGlass(AccessStore store, AccessEvents events, SignIn signIn, SecretSealer sealer, PatientDirectory patients,
               Alerts alerts, AccessSettings settings, Clock clock) {
        this.store = store;
        this.events = events;
        this.signIn = signIn;
        this.sealer = sealer;
        this.patients = patients;
        this.alerts = alerts;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Requests emergency access. Everything is checked before the second factor is consumed, so a typo in the reason
     * does not cost a TOTP code.
     *
     * @param duration how long the grant lasts ({@code null}: the default)
     */
    public BreakGlassGrant request(Actor actor, String patientId, String reason, String purpose, Duration duration,
                                   String password, String code, RequestOrigin origin) {
        if (actor == null || actor.kind() != Actor.Kind.USER || !actor.has(Role.CLINICIAN)
                || actor.has(Role.AUDITOR) || actor.has(Role.COMPLIANCE_OFFICER)) {
            throw new ProblemException(ProblemKind.FORBIDDEN, "Only clinicians request emergency access");
        }
        String why = text(reason);
        if (why.length() < MIN_REASON || why.length() > MAX_TEXT) {
            throw new ProblemException(ProblemKind.VALIDATION, "Give the reason for emergency access in "
                    + MIN_REASON + " to " + MAX_TEXT + " characters");
        }
        String use = purpose == null || purpose.isBlank() ? "ETREAT" : purpose.strip();
        if (!PURPOSES.containsKey(use)) {
            throw new ProblemException(ProblemKind.VALIDATION, "The purpose must be one of " + PURPOSES.keySet());
        }
        Duration length = duration == null ? settings.breakGlassDefault() : duration;
        if (length.compareTo(Duration.ofMinutes(1)) < 0 || length.compareTo(settings.breakGlassMax()) > 0) {
            throw new ProblemException(ProblemKind.VALIDATION, "Emergency access lasts from 1 minute to "
                    + settings.breakGlassMax().toMinutes() + " minutes");
        }
        CareTeam.requirePatient(patients, patientId);
        long now = clock.millis();
        if (store.assigned(actor.id(), patientId, now)) {
            throw new ProblemException(ProblemKind.CONFLICT, "You are on this patient's care team; emergency access "
                    + "is not needed");
        }
        signIn.reauthenticate(actor, password, code, "break-glass", origin);
        String id = UUID.randomUUID().toString();
        GrantRow row = new GrantRow(id, actor.id(), patientId, use, sealer.seal(why.getBytes(StandardCharsets.UTF_8),
                purposeOf(id, "reason")), now, now + length.toMillis(), null, null, null, null, null, null);
        return events.atomically(() -> {
            store.insert(row);
            events.record(AccessEvents.BREAK_GLASS, "grant", Action.C, Outcome.SUCCESS, actor, origin,
                    "BreakGlassGrant", id, patientId, AccessEvents.ETREAT, use);
            return view(row, now);
        });
    }

    /** Ends a grant early: its holder or a security officer. */
    public BreakGlassGrant end(Actor actor, String grantId, RequestOrigin origin) {
        return events.atomically(() -> {
            GrantRow row = visible(actor, grantId);
            long now = clock.millis();
            if (row.expiresAt() > now && store.endGrant(grantId, now, actor.id())) {
                events.record(AccessEvents.BREAK_GLASS, "end", Action.U, Outcome.SUCCESS, actor, origin,
                        "BreakGlassGrant", grantId, row.patientId(), AccessEvents.ETREAT, null);
            }
            return view(store.grant(grantId).orElseThrow(), now);
        });
    }

    /**
     * Reviews a grant, once, by a security officer who is not its holder.
     *
     * @param outcome {@code approve} or {@code escalate} (an incident follows: a high alert is raised)
     * @param notes   what the reviewer found, 1 to 2000 characters
     */
    public BreakGlassGrant review(Actor actor, String grantId, String outcome, String notes, RequestOrigin origin) {
        CareTeam.requireOfficer(actor);
        String result = switch (outcome == null ? "" : outcome.strip()) {
            case "approve" -> "approved";
            case "escalate" -> "escalated";
            default -> throw new ProblemException(ProblemKind.VALIDATION, "The outcome is approve or escalate");
        };
        String text = text(notes);
        if (text.isEmpty() || text.length() > MAX_TEXT) {
            throw new ProblemException(ProblemKind.VALIDATION, "Give review notes of 1 to " + MAX_TEXT + " characters");
        }
        BreakGlassGrant reviewed = events.atomically(() -> {
            GrantRow row = store.grant(grantId).orElseThrow(() -> new ProblemException(ProblemKind.NOT_FOUND,
                    "No break-glass grant with id " + grantId));
            if (row.userId().equals(actor.id())) {
                throw new ProblemException(ProblemKind.FORBIDDEN, "Another security officer reviews your own "
                        + "emergency access");
            }
            long now = clock.millis();
            if (!store.review(grantId, now, actor.id(), result, sealer.seal(text.getBytes(StandardCharsets.UTF_8),
                    purposeOf(grantId, "notes")))) {
                throw new ProblemException(ProblemKind.CONFLICT, "This grant has already been reviewed");
            }
            events.record(AccessEvents.BREAK_GLASS, "review", Action.U, Outcome.SUCCESS, actor, origin,
                    "BreakGlassGrant", grantId, row.patientId(), null, result);
            return view(store.grant(grantId).orElseThrow(), now);
        });
        if (result.equals("escalated")) {
            alerts.raise(ESCALATED_RULE, Alerts.Severity.HIGH, grantId, "Break-glass grant " + grantId + " of user "
                    + reviewed.userId() + " was escalated to an incident by its reviewer");
        }
        return reviewed;
    }

    /**
     * Grants, newest first, at most 500: a security officer sees everyone's ({@code queue}: only unreviewed ones), a
     * clinician their own.
     */
    public List<BreakGlassGrant> list(Actor actor, boolean queue) {
        boolean officer = actor.kind() == Actor.Kind.USER && actor.has(Role.SECURITY_OFFICER);
        if (!officer && !(actor.kind() == Actor.Kind.USER && actor.has(Role.CLINICIAN))) {
            throw new ProblemException(ProblemKind.FORBIDDEN, "Only clinicians and security officers see "
                    + "break-glass grants");
        }
        long now = clock.millis();
        return store.grants(officer ? null : actor.id(), queue && officer, CareTeam.MAX_LIST).stream()
                .map(g -> view(g, now)).toList();
    }

    public BreakGlassGrant get(Actor actor, String grantId) {
        return view(visible(actor, grantId), clock.millis());
    }

    /** How many grants are unreviewed past their review deadline (default 72 h). */
    public int overdueCount() {
        return store.unreviewedBefore(clock.millis() - settings.reviewDue().toMillis()).size();
    }

    /** Raises one alert per unreviewed grant past its review deadline; returns how many are overdue. */
    public int alertOverdue() {
        long now = clock.millis();
        List<GrantRow> overdue = store.unreviewedBefore(now - settings.reviewDue().toMillis());
        for (GrantRow g : overdue) {
            if (alerts.list(null, OVERDUE_RULE, g.id(), 0, 1).total() == 0) {
                alerts.raise(OVERDUE_RULE, Alerts.Severity.HIGH, g.id(), "Break-glass grant " + g.id() + " of user "
                        + g.userId() + " has not been reviewed within " + settings.reviewDue().toHours() + " h");
            }
        }
        return overdue.size();
    }

    private GrantRow visible(Actor actor, String grantId) {
        GrantRow row = store.grant(grantId).orElse(null);
        boolean officer = actor.kind() == Actor.Kind.USER && actor.has(Role.SECURITY_OFFICER);
        if (row == null || !(officer || row.userId().equals(actor.id()))) {
            throw new ProblemException(ProblemKind.NOT_FOUND, "No break-glass grant with id " + grantId);
        }
        return row;
    }

    private BreakGlassGrant view(GrantRow g, long now) {
        String state = g.endedAt() != null && g.endedAt() < g.expiresAt() ? "ended"
                : g.expiresAt() <= now ? "expired" : "active";
        String review = g.reviewOutcome() != null ? g.reviewOutcome()
                : now - g.grantedAt() > settings.reviewDue().toMillis() ? "overdue" : "pending";
        return new BreakGlassGrant(g.id(), g.userId(), g.patientId(), g.purpose(),
                new String(sealer.open(g.reason(), purposeOf(g.id(), "reason")), StandardCharsets.UTF_8),
                Instant.ofEpochMilli(g.grantedAt()), Instant.ofEpochMilli(g.expiresAt()),
                g.endedAt() == null ? null : Instant.ofEpochMilli(g.endedAt()), state, review,
                g.reviewedAt() == null ? null : Instant.ofEpochMilli(g.reviewedAt()), g.reviewedBy(),
                g.reviewNotes() == null ? null
                        : new String(sealer.open(g.reviewNotes(), purposeOf(g.id(), "notes")), StandardCharsets.UTF_8));
    }

    private static String purposeOf(String grantId, String field) {
        return "break-glass-" + field + ":" + grantId;
    }

    private static String text(String value) {
        String v = value == null ? "" : value.strip();
        if (v.chars().anyMatch(c -> c < 32 && c != '\n' && c != '\r' && c != '\t')) {
            throw new ProblemException(ProblemKind.VALIDATION, "The text contains control characters");
        }
        return v;
    }
}
