package dev.safeguard.program;

import dev.safeguard.crypto.SecretSealer;
import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.identity.Workforce;
import dev.safeguard.program.internal.ProgramEvents;
import dev.safeguard.program.internal.ProgramRoles;
import dev.safeguard.program.workforce.WorkforceRecordStore;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import dev.safeguard.shared.SecurityEvent.Action;
import dev.safeguard.shared.SecurityEvent.Outcome;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The records kept about a workforce member: clearance records (164.308(a)(3)(ii)(B), workforce clearance procedure)
 * and sanctions (164.308(a)(1)(ii)(C), sanction policy).
 *
 * <p>Guarantees: both are append-only (a correction is a new record) and visible to program readers only — security
 * officers, compliance officers and auditors, never the member or other users. A sanction's description is sealed
 * (AES-256-GCM, bound to the sanction's id) because it may mention a patient. Each record and its audit event (ids
 * only) commit together.
 */
@Service
public class WorkforceRecords {

    static final int MAX_NOTES = 2000;
    static final int MAX_DESCRIPTION = 4000;

    private final WorkforceRecordStore store;
    private final WorkforceRoster roster;
    private final Workforce accounts;
    private final SecretSealer sealer;
    private final ProgramEvents events;
    private final Clock clock;

    WorkforceRecords(WorkforceRecordStore store, WorkforceRoster roster, Workforce accounts, SecretSealer sealer,
                     ProgramEvents events, Clock clock) {
        this.store = store;
        this.roster = roster;
        this.accounts = accounts;
        this.sealer = sealer;
        this.events = events;
        this.clock = clock;
    }

    public List<Clearance> clearances(Actor actor, String memberId) {
        ProgramRoles.requireReader(actor);
        roster.get(memberId);
        return store.clearances(memberId).stream().map(WorkforceRecords::view).toList();
    }

    public Clearance addClearance(Actor actor, String memberId, ClearanceDraft draft, RequestOrigin origin) {
        ProgramRoles.requireWriter(actor);
        WorkforceMember member = roster.get(memberId);
        if (draft == null) {
            throw new ProblemException(ProblemKind.VALIDATION, "Give the clearance's kind, completion date and "
                    + "outcome");
        }
        String kind = Fields.oneOf(draft.kind(), "clearance kind", Clearance.KINDS, null);
        String outcome = Fields.oneOf(draft.outcome(), "outcome", Clearance.OUTCOMES, null);
        LocalDate completedOn = pastDate(draft.completedOn(), "completion date");
        String notes = Fields.optional(draft.notes(), "notes", MAX_NOTES);
        WorkforceRecordStore.ClearanceRow row = new WorkforceRecordStore.ClearanceRow(UUID.randomUUID().toString(),
                member.id(), kind, completedOn.toString(), outcome, notes, clock.millis(), actor.id());
        return events.atomically(() -> {
            store.insert(row);
            events.record(WorkforceRoster.EVENT_TYPE, "clearance", Action.C, Outcome.SUCCESS,
                    ProgramEvents.agent(actor, origin), "WorkforceClearance", row.id(), null, null);
            return view(row);
        });
    }

    public List<Sanction> sanctions(Actor actor, String memberId) {
        ProgramRoles.requireReader(actor);
        roster.get(memberId);
        return store.sanctions(memberId).stream().map(this::view).toList();
    }

    public Sanction addSanction(Actor actor, String memberId, SanctionDraft draft, RequestOrigin origin) {
        ProgramRoles.requireWriter(actor);
        WorkforceMember member = roster.get(memberId);
        if (draft == null) {
            throw new ProblemException(ProblemKind.VALIDATION, "Give the sanction's date, policy, description and "
                    + "sanction");
        }
        LocalDate imposedOn = pastDate(draft.imposedOn(), "date the sanction was imposed");
        if (imposedOn.isBefore(member.hireDate())) {
            throw new ProblemException(ProblemKind.VALIDATION, "The sanction date " + imposedOn + " is before the "
                    + "member's hire date " + member.hireDate());
        }
        String policy = Fields.required(draft.policy(), "policy violated", 200);
        String description = Fields.required(draft.description() == null ? null
                : draft.description().replace("\r\n", "\n"), "description", MAX_DESCRIPTION);
        String sanction = Fields.oneOf(draft.sanction(), "sanction", Sanction.SANCTIONS, null);
        String imposedBy = draft.imposedBy() == null || draft.imposedBy().isBlank() ? actor.id()
                : accounts.find(draft.imposedBy().strip()).map(Workforce.Member::id).orElseThrow(() ->
                new ProblemException(ProblemKind.VALIDATION, "No user account " + Fields.abbreviated(
                        draft.imposedBy().strip()) + " to name as the person who imposed the sanction"));
        String id = UUID.randomUUID().toString();
        WorkforceRecordStore.SanctionRow row = new WorkforceRecordStore.SanctionRow(id, member.id(),
                imposedOn.toString(), policy, sealer.seal(description.getBytes(StandardCharsets.UTF_8), purpose(id)),
                sanction, imposedBy, clock.millis(), actor.id());
        return events.atomically(() -> {
            store.insert(row);
            events.record(WorkforceRoster.EVENT_TYPE, "sanction", Action.C, Outcome.SUCCESS,
                    ProgramEvents.agent(actor, origin), "WorkforceSanction", id, null, null);
            return view(row);
        });
    }

    /** Members with a clearance record that cleared them, for the evaluation check. */
    public List<String> clearedMembers() {
        return store.clearedMembers();
    }

    private LocalDate pastDate(LocalDate date, String label) {
        if (date == null) {
            throw new ProblemException(ProblemKind.VALIDATION, "Give the " + label + " (YYYY-MM-DD)");
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (date.isAfter(today) || date.isBefore(WorkforceRoster.EARLIEST_HIRE)) {
            throw new ProblemException(ProblemKind.VALIDATION, "The " + label + " must be between "
                    + WorkforceRoster.EARLIEST_HIRE + " and today; got " + date);
        }
        return date;
    }

    private static Clearance view(WorkforceRecordStore.ClearanceRow r) {
        return new Clearance(r.id(), r.memberId(), r.kind(), LocalDate.parse(r.completedOn()), r.outcome(), r.notes(),
                Instant.ofEpochMilli(r.recordedAt()), r.recordedBy());
    }

    private Sanction view(WorkforceRecordStore.SanctionRow r) {
        String description = new String(sealer.open(r.description(), purpose(r.id())), StandardCharsets.UTF_8);
        return new Sanction(r.id(), r.memberId(), LocalDate.parse(r.imposedOn()), r.policy(), description,
                r.sanction(), r.imposedBy(), Instant.ofEpochMilli(r.recordedAt()), r.recordedBy());
    }

    // IMPORTANT: the sealing purpose binds a description to its sanction; never change it or stored ones stop opening.
    private static String purpose(String id) {
        return "program-sanction:" + id;
    }
}
