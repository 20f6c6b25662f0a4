package dev.safeguard.program;

import dev.safeguard.audit.Alerts;
import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.program.internal.ProgramEvents;
import dev.safeguard.program.internal.ProgramRoles;
import dev.safeguard.program.vendors.AgreementGate;
import dev.safeguard.program.vendors.AgreementStore;
import dev.safeguard.program.vendors.AgreementTerms;
import dev.safeguard.program.vendors.ReminderStore;
import dev.safeguard.program.vendors.VendorStore;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import dev.safeguard.shared.SecurityEvent.Action;
import dev.safeguard.shared.SecurityEvent.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Business associate agreements (164.308(b)(3), 164.314(a)(2)(i), (iii) for subcontractors): requested, then
 * executed with the signed document, then expired (by the clock) or terminated (an officer's action with a date and
 * a reason); a renewal is a new agreement. Expiry reminders are raised 60, 30 and 7 days ahead (configurable), once
 * each.
 *
 * <p>Guarantees: security and compliance officers change agreements, auditors read. Every change commits with its
 * audit event (ids only) or not at all; bad dates are refused with 400 and wrong transitions with 409, changing
 * nothing. The signed document is stored as sealed, signed, immutable evidence (controls 164.308(b)(3) and
 * 164.314(a)(2)(i), the specifications of standards 164.308(b)(1) and 164.314(a)(1), and 164.314(a)(2)(iii) for a
 * subcontractor) in the same
 * transaction as the execution. An execution or termination takes effect on this node's FHIR path at the next
 * request. Agreements are never deleted.
 */
@Service
public class BusinessAssociateAgreements {

    /** The audit event type of agreement changes and reminders. */
    public static final String EVENT_TYPE = "program-baa";
    /** The alert rule of expiry reminders. */
    public static final String REMINDER_RULE = "baa-expiry";
    /**
     * The catalog items a signed agreement is evidence for: the implementation specifications of the standards
     * 164.308(b)(1) and 164.314(a)(1) (a standard that has specifications is evidenced through them).
     */
    static final List<String> CONTROLS = List.of("164.308(b)(3)", "164.314(a)(2)(i)");
    static final String SUBCONTRACTOR_CONTROL = "164.314(a)(2)(iii)";
    /** No agreement date before the HIPAA Security Rule era is plausible. */
    static final Instant EARLIEST = Instant.parse("1996-01-01T00:00:00Z");
    static final Duration MAX_EFFECTIVE_DELAY = Duration.ofDays(366);
    static final int MAX_TERM_YEARS = 20;
    static final int MAX_REASON = 1000;

    private final AgreementStore store;
    private final VendorStore vendors;
    private final ReminderStore reminders;
    private final Evidence evidence;
    private final AgreementGate gate;
    private final ProgramEvents events;
    private final Alerts alerts;
    private final VendorSettings settings;
    private final Clock clock;

    BusinessAssociateAgreements(AgreementStore store, VendorStore vendors, ReminderStore reminders, Evidence evidence,
                                AgreementGate gate, ProgramEvents events, Alerts alerts, VendorSettings settings,
                                Clock clock) {
        this.store = store;
        this.vendors = vendors;
        this.reminders = reminders;
        this.evidence = evidence;
        this.gate = gate;
        this.events = events;
        this.alerts = alerts;
        this.settings = settings;
        this.clock = clock;
    }

    /** Agreements, newest request first, optionally of one vendor and in one state. */
    public List<BusinessAssociateAgreement> list(Actor actor, String vendorId, String state) {
        ProgramRoles.requireReader(actor);
        String only = state == null || state.isBlank() ? null
                : Fields.oneOf(state, "state", BusinessAssociateAgreement.STATES, null);
        List<AgreementStore.Row> rows = vendorId == null || vendorId.isBlank() ? store.list()
                : store.ofVendor(vendor(vendorId.strip(), ProblemKind.NOT_FOUND).id());
        return views(rows).stream().filter(a -> only == null || a.state().equals(only)).toList();
    }

    /** Every agreement, for the program's checks and metrics. */
    public List<BusinessAssociateAgreement> all() {
        return views(store.list());
    }

    public BusinessAssociateAgreement get(Actor actor, String id) {
        ProgramRoles.requireReader(actor);
        return view(row(id));
    }

    /** Records that an agreement was requested from a vendor (or a renewal of one of its agreements). */
    public BusinessAssociateAgreement request(Actor actor, AgreementRequest request, RequestOrigin origin) {
        ProgramRoles.requireWriter(actor);
        if (request == null) {
            throw invalid("Give the agreement request");
        }
        Instant now = clock.instant();
        Instant requestedAt = request.requestedAt() == null ? now : request.requestedAt();
        if (requestedAt.isAfter(now) || requestedAt.isBefore(EARLIEST)) {
            throw invalid("The request date must be between " + EARLIEST + " and now; got " + requestedAt);
        }
        String reference = Fields.optional(request.reference(), "reference", 200);
        if (reference != null && reference.contains("\n")) {
            throw invalid("The reference is one line");
        }
        String notes = Fields.optional(request.notes() == null ? null : request.notes().replace("\r\n", "\n"),
                "notes", Vendors.MAX_NOTES);
        String vendorId = Fields.required(request.vendorId(), "vendorId", 64);
        String id = UUID.randomUUID().toString();
        return events.atomically(() -> {
            VendorStore.Row vendor = vendor(vendorId, ProblemKind.VALIDATION);
            if (Vendor.OFFBOARDED.equals(vendor.status())) {
                throw new ProblemException(ProblemKind.CONFLICT, "Vendor " + vendor.id() + " is offboarded; request "
                        + "no agreement from it");
            }
            List<AgreementStore.Row> own = store.ofVendor(vendor.id());
            long at = now.toEpochMilli();
            own.stream().filter(a -> BusinessAssociateAgreement.REQUESTED.equals(AgreementTerms.state(a, at)))
                    .findFirst().ifPresent(open -> {
                        throw new ProblemException(ProblemKind.CONFLICT, "Agreement " + open.id() + " is requested "
                                + "from this vendor already; execute or withdraw (terminate) it first");
                    });
            String renews = renewed(request.renewsId(), vendor.id(), own, at);
            store.insert(new AgreementStore.Row(id, vendor.id(), renews, reference, notes, requestedAt.toEpochMilli(),
                    at, actor.id(), null, null, null, null, null, null, null, null, null, null));
            events.record(EVENT_TYPE, "request", Action.C, Outcome.SUCCESS, ProgramEvents.agent(actor, origin),
                    "BusinessAssociateAgreement", id, null, null);
            return view(row(id));
        });
    }

    /**
     * Records the execution of a requested agreement with its signed document; from its effective time the vendor's
     * service clients may receive ePHI.
     */
    public BusinessAssociateAgreement execute(Actor actor, String id, AgreementExecution execution,
                                              RequestOrigin origin) {
        ProgramRoles.requireWriter(actor);
        if (execution == null || execution.document() == null || execution.document().length == 0) {
            throw invalid("Attach the signed agreement: the document is the request body (at most 10 MiB)");
        }
        Instant now = clock.instant();
        BusinessAssociateAgreement result = events.atomically(() -> {
            AgreementStore.Row row = row(id);
            requireState(row, now, "executed", BusinessAssociateAgreement.REQUESTED);
            Instant executedAt = execution.executedAt() == null ? now : execution.executedAt();
            Instant effectiveAt = execution.effectiveAt() == null ? executedAt : execution.effectiveAt();
            Instant expiresAt = execution.expiresAt();
            checkExecution(row, now, executedAt, effectiveAt, expiresAt);
            VendorStore.Row vendor = vendors.find(row.vendorId()).orElseThrow();
            List<String> controls = new ArrayList<>(CONTROLS);
            if (vendor.parentId() != null) {
                controls.add(SUBCONTRACTOR_CONTROL);
            }
            Instant retained = now.atZone(ZoneOffset.UTC).plusYears(Evidence.RETENTION_YEARS).toInstant();
            Instant fresh = expiresAt != null && expiresAt.isAfter(now) && expiresAt.isBefore(retained) ? expiresAt
                    : null;
            EvidenceRecord document = evidence.submit(actor, new EvidenceDraft(controls, EvidenceKind.DOCUMENT,
                    executedAt, now, EvidenceResult.PASS, "Signed business associate agreement " + row.id()
                    + " with vendor '" + vendor.name() + "' (" + vendor.id() + "), executed " + executedAt
                    + (expiresAt == null ? ", no fixed expiry" : ", expires " + expiresAt), execution.document(),
                    execution.mediaType(), execution.fileName(), fresh).inSeries("baa:" + row.id()), origin);
            if (!store.execute(row.id(), executedAt.toEpochMilli(), effectiveAt.toEpochMilli(),
                    expiresAt == null ? null : expiresAt.toEpochMilli(), document.id(), now.toEpochMilli(),
                    actor.id())) {
                throw new ProblemException(ProblemKind.CONFLICT, "Agreement " + row.id() + " was executed or "
                        + "terminated meanwhile");
            }
            events.record(EVENT_TYPE, "execute", Action.U, Outcome.SUCCESS, ProgramEvents.agent(actor, origin),
                    "BusinessAssociateAgreement", row.id(), null, null);
            return view(row(row.id()));
        });
        gate.invalidate();
        return result;
    }

    /**
     * Terminates a requested (withdrawn) or executed agreement at {@code terminatedAt} (default now; not in the
     * future); the vendor's clients lose ePHI access at once unless another agreement is in force.
     */
    public BusinessAssociateAgreement terminate(Actor actor, String id, Instant terminatedAt, String reason,
                                                RequestOrigin origin) {
        ProgramRoles.requireWriter(actor);
        String why = Fields.required(reason == null ? null : reason.replace("\r\n", "\n"), "reason", MAX_REASON);
        Instant now = clock.instant();
        Instant at = terminatedAt == null ? now : terminatedAt;
        BusinessAssociateAgreement result = events.atomically(() -> {
            AgreementStore.Row row = row(id);
            requireState(row, now, "terminated", BusinessAssociateAgreement.REQUESTED,
                    BusinessAssociateAgreement.EXECUTED);
            long from = row.executedAt() == null ? row.requestedAt() : row.executedAt();
            if (at.isAfter(now) || at.toEpochMilli() < from) {
                throw invalid("The termination date must be between " + Instant.ofEpochMilli(from) + " (when the "
                        + "agreement was " + (row.executedAt() == null ? "requested" : "signed") + ") and now; got "
                        + at);
            }
            if (!store.terminate(row.id(), at.toEpochMilli(), why, now.toEpochMilli(), actor.id())) {
                throw new ProblemException(ProblemKind.CONFLICT, "Agreement " + row.id() + " was terminated "
                        + "meanwhile");
            }
            events.record(EVENT_TYPE, "terminate", Action.U, Outcome.SUCCESS, ProgramEvents.agent(actor, origin),
                    "BusinessAssociateAgreement", row.id(), null, null);
            return view(row(row.id()));
        });
        gate.invalidate();
        return result;
    }

    /**
     * Raises the expiry reminders that are due: for each executed agreement with an expiry that no executed renewal
     * carries on, the nearest threshold (of {@link VendorSettings#reminderDays()}) it has come within, once. Larger
     * thresholds passed over at the same time (an agreement recorded close to its expiry) are recorded without an
     * alert. For the reminder job; safe to run on several nodes at once.
     *
     * @return how many reminders were raised
     */
    public int remindDue() {
        long now = clock.millis();
        List<AgreementStore.Row> all = store.list();
        Map<String, List<Integer>> sent = reminders.all();
        int raised = 0;
        for (AgreementStore.Row row : all) {
            if (!BusinessAssociateAgreement.EXECUTED.equals(AgreementTerms.state(row, now)) || row.expiresAt() == null
                    || AgreementTerms.renewed(row, all, now, false)) {
                continue;
            }
            long remaining = row.expiresAt() - now;
            List<Integer> crossed = settings.reminderDays().stream()
                    .filter(d -> remaining <= Duration.ofDays(d).toMillis()).toList();
            List<Integer> done = sent.getOrDefault(row.id(), List.of());
            if (crossed.isEmpty() || done.contains(crossed.get(crossed.size() - 1))) {
                continue;
            }
            int nearest = crossed.get(crossed.size() - 1);
            boolean won = events.atomically(() -> {
                boolean first = false;
                for (int days : crossed) {
                    if (!done.contains(days)) {
                        boolean inserted = reminders.record(row.id(), days, now, days == nearest);
                        first = days == nearest ? inserted : first;
                    }
                }
                if (first) {
                    events.record(EVENT_TYPE, "expiry-reminder-" + nearest, Action.E, Outcome.SUCCESS,
                            ProgramEvents.system("baa-reminders"), "BusinessAssociateAgreement", row.id(), null,
                            null);
                }
                return first;
            });
            if (won) {
                alerts.raise(REMINDER_RULE, nearest <= 7 ? Alerts.Severity.HIGH : nearest <= 30
                        ? Alerts.Severity.MEDIUM : Alerts.Severity.LOW, row.id(), "Business associate agreement "
                        + row.id() + " of vendor " + row.vendorId() + " expires " + Instant.ofEpochMilli(
                        row.expiresAt()) + " (within " + nearest + " days); record and execute its renewal");
                raised++;
            }
        }
        return raised;
    }

    private void checkExecution(AgreementStore.Row row, Instant now, Instant executedAt, Instant effectiveAt,
                                Instant expiresAt) {
        Instant requestedDay = Instant.ofEpochMilli(row.requestedAt()).truncatedTo(ChronoUnit.DAYS);
        if (executedAt.isAfter(now) || executedAt.isBefore(requestedDay)) {
            throw invalid("The signature date must be between the day the agreement was requested ("
                    + requestedDay + ") and now; got " + executedAt);
        }
        if (effectiveAt.isBefore(EARLIEST) || effectiveAt.isAfter(executedAt.plus(MAX_EFFECTIVE_DELAY))) {
            throw invalid("The effective date must be between " + EARLIEST + " and a year after signing; got "
                    + effectiveAt);
        }
        if (expiresAt != null && (!expiresAt.isAfter(effectiveAt) || expiresAt.isAfter(
                effectiveAt.atZone(ZoneOffset.UTC).plusYears(MAX_TERM_YEARS).toInstant()))) {
            throw invalid("The agreement must expire after it takes effect (" + effectiveAt + ") and within "
                    + MAX_TERM_YEARS + " years; got " + expiresAt);
        }
    }

    private String renewed(String renewsId, String vendorId, List<AgreementStore.Row> own, long now) {
        String renews = Fields.optional(renewsId, "renewsId", 64);
        if (renews == null) {
            return null;
        }
        AgreementStore.Row renewed = own.stream().filter(a -> a.id().equals(renews)).findFirst().orElseThrow(() ->
                invalid("Agreement " + Fields.abbreviated(renews) + " is not an agreement of vendor " + vendorId));
        String state = AgreementTerms.state(renewed, now);
        if (!BusinessAssociateAgreement.EXECUTED.equals(state) && !BusinessAssociateAgreement.EXPIRED.equals(state)) {
            throw new ProblemException(ProblemKind.CONFLICT, "Agreement " + renews + " is " + state + "; only an "
                    + "executed or expired agreement is renewed");
        }
        return renews;
    }

    private static void requireState(AgreementStore.Row row, Instant now, String action, String... allowed) {
        String state = AgreementTerms.state(row, now.toEpochMilli());
        if (!List.of(allowed).contains(state)) {
            throw new ProblemException(ProblemKind.CONFLICT, "Agreement " + row.id() + " is " + state + " and cannot "
                    + "be " + action + (BusinessAssociateAgreement.EXPIRED.equals(state)
                    || BusinessAssociateAgreement.TERMINATED.equals(state) ? "; record a renewal (a new agreement)"
                    : ""));
        }
    }

    private VendorStore.Row vendor(String id, ProblemKind kind) {
        return vendors.find(id).orElseThrow(() -> new ProblemException(kind, "No vendor "
                + Fields.abbreviated(id)));
    }

    private AgreementStore.Row row(String id) {
        return store.find(id == null ? "" : id.strip()).orElseThrow(() -> new ProblemException(ProblemKind.NOT_FOUND,
                "No business associate agreement " + Fields.abbreviated(String.valueOf(id))));
    }

    private static ProblemException invalid(String message) {
        return new ProblemException(ProblemKind.VALIDATION, message);
    }

    private List<BusinessAssociateAgreement> views(List<AgreementStore.Row> rows) {
        Map<String, List<Integer>> sent = reminders.all();
        Map<String, List<AgreementStore.Row>> byVendor = store.list().stream()
                .collect(java.util.stream.Collectors.groupingBy(AgreementStore.Row::vendorId));
        long now = clock.millis();
        return rows.stream().map(r -> view(r, sent.getOrDefault(r.id(), List.of()), byVendor.get(r.vendorId()), now))
                .toList();
    }

    private BusinessAssociateAgreement view(AgreementStore.Row r) {
        return view(r, reminders.of(r.id()), store.ofVendor(r.vendorId()), clock.millis());
    }

    private static BusinessAssociateAgreement view(AgreementStore.Row r, List<Integer> sent,
                                                   List<AgreementStore.Row> vendorAgreements, long now) {
        return new BusinessAssociateAgreement(r.id(), r.vendorId(), r.renewsId(), r.reference(), r.notes(),
                AgreementTerms.state(r, now), AgreementTerms.inForce(r, now), Instant.ofEpochMilli(r.requestedAt()),
                Instant.ofEpochMilli(r.createdAt()), r.createdBy(), instant(r.executedAt()), instant(r.effectiveAt()),
                instant(r.expiresAt()), AgreementTerms.daysToExpiry(r, now), r.evidenceId(),
                instant(r.executionRecordedAt()), r.executionRecordedBy(), instant(r.terminatedAt()),
                r.terminationReason(), instant(r.terminationRecordedAt()), r.terminationRecordedBy(), sent,
                AgreementTerms.renewed(r, vendorAgreements, now, false));
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
