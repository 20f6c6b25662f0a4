package dev.safeguard.program;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.program.internal.CsvTable;
import dev.safeguard.program.internal.RiskInventoryEvents;
import dev.safeguard.program.risk.RiskCsv;
import dev.safeguard.program.risk.RiskStore;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import dev.safeguard.shared.SecurityEvent.Action;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * The risk register (164.308(a)(1)(ii)(A) risk analysis and (B) risk management): threat/vulnerability pairs on
 * inventory assets with current controls, likelihood, impact, the Table I-2 level and the treatment. Security and
 * compliance officers change it, auditors read it. Every change is audited in its own transaction; risks are closed,
 * never deleted; an acceptance always names its approver; CSV imports are all or nothing.
 */
@Service
public class RiskRegister {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

    private final RiskStore risks;
    private final RiskDrafts drafts;
    private final RiskInventoryEvents events;
    private final Clock clock;

    RiskRegister(RiskStore risks, RiskDrafts drafts, RiskInventoryEvents events, Clock clock) {
        this.risks = risks;
        this.drafts = drafts;
        this.events = events;
        this.clock = clock;
    }

    /** Every risk: open ones first, highest level first. */
    public List<Risk> list(Actor actor) {
        RiskInventoryRoles.requireReader(actor);
        return risks.list();
    }

    public Risk get(Actor actor, String id) {
        RiskInventoryRoles.requireReader(actor);
        return find(id);
    }

    /** Open risks counted by likelihood and impact. */
    public RiskHeatMap heatMap(Actor actor) {
        return RiskHeatMap.of(list(actor));
    }

    public Risk create(Actor actor, RiskDraft draft, RequestOrigin origin) {
        RiskInventoryRoles.requireWriter(actor);
        Risk risk = drafts.validated(UUID.randomUUID().toString(), draft, null, actor.id(), clock.instant());
        return events.atomically(() -> {
            risks.insert(risk);
            events.record("risk-create", Action.C, actor, origin, "Risk", risk.id());
            return risk;
        });
    }

    /** Replaces a risk's assessment and treatment; closing is setting the status to {@code closed}. */
    public Risk update(Actor actor, String id, RiskDraft draft, RequestOrigin origin) {
        RiskInventoryRoles.requireWriter(actor);
        return events.atomically(() -> {
            Risk risk = drafts.validated(id, draft, find(id), actor.id(), clock.instant());
            risks.update(risk);
            events.record("risk-update", Action.U, actor, origin, "Risk", id);
            return risk;
        });
    }

    /** The register as CSV (RFC 4180); {@link #importCsv} reads it back. */
    public String exportCsv(Actor actor) {
        RiskInventoryRoles.requireReader(actor);
        return RiskCsv.write(risks.list());
    }

    /**
     * Imports risks from CSV: a record whose {@code id} names an existing risk updates it, any other creates one
     * (with that id when given). All or nothing: the first bad record refuses the whole file, naming its line.
     *
     * @return how many risks were created or updated
     */
    public int importCsv(Actor actor, String csv, RequestOrigin origin) {
        RiskInventoryRoles.requireWriter(actor);
        List<RiskCsv.Record> records = RiskCsv.read(csv);
        return events.atomically(() -> {
            for (RiskCsv.Record record : records) {
                try {
                    importOne(actor, record, origin);
                } catch (ProblemException e) {
                    if (e.kind() != ProblemKind.VALIDATION) {
                        throw e;
                    }
                    throw CsvTable.invalid(record.line(), e.getMessage());
                }
            }
            return records.size();
        });
    }

    private void importOne(Actor actor, RiskCsv.Record record, RequestOrigin origin) {
        String id = record.id();
        Risk existing = id == null ? null : risks.find(id).orElse(null);
        if (id != null && existing == null && !ID.matcher(id).matches()) {
            throw new ProblemException(ProblemKind.VALIDATION, "The id must be letters, digits, '.', '_', ':' or '-' "
                    + "(at most 64)");
        }
        Risk risk = drafts.validated(id == null ? UUID.randomUUID().toString() : id, record.draft(), existing,
                actor.id(), clock.instant());
        if (existing == null) {
            risks.insert(risk);
            events.record("risk-create", Action.C, actor, origin, "Risk", risk.id());
        } else {
            risks.update(risk);
            events.record("risk-update", Action.U, actor, origin, "Risk", risk.id());
        }
    }

    private Risk find(String id) {
        return risks.find(id).orElseThrow(() -> new ProblemException(ProblemKind.NOT_FOUND, "No risk with id "
                + Fields.abbreviated(String.valueOf(id))));
    }
}
