package dev.safeguard.program.contingency;

import dev.safeguard.backup.RestoreDrill;
import dev.safeguard.backup.RestoreDrillCompleted;
import dev.safeguard.program.EvidenceDraft;
import dev.safeguard.program.EvidenceKind;
import dev.safeguard.program.EvidenceRecord;
import dev.safeguard.program.EvidenceResult;
import dev.safeguard.program.internal.ProgramEvents;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Turns every finished restore drill into signed {@code automated-check} evidence for the data backup plan, the
 * disaster recovery plan, testing and revision (164.308(a)(7)(ii)(A), (B), (D)) and data backup and storage
 * (164.310(d)(2)(iv)): pass or fail, with what the drill measured (ids, counts and times only). The evidence and
 * its link to the drill commit together, once per drill.
 */
@Component
class DrillEvidence {

    private static final Logger log = LoggerFactory.getLogger(DrillEvidence.class);
    static final String COLLECTOR = "contingency.restore-drill";
    static final List<String> CONTROLS = List.of("164.308(a)(7)(ii)(A)", "164.308(a)(7)(ii)(B)",
            "164.308(a)(7)(ii)(D)", "164.310(d)(2)(iv)");

    private final dev.safeguard.program.Evidence evidence;
    private final DrillEvidenceStore store;
    private final ProgramEvents events;
    private final ObjectMapper json;
    private final Clock clock;

    DrillEvidence(dev.safeguard.program.Evidence evidence, DrillEvidenceStore store, ProgramEvents events,
                  ObjectMapper json, Clock clock) {
        this.evidence = evidence;
        this.store = store;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    @EventListener
    void drillCompleted(RestoreDrillCompleted event) {
        RestoreDrill d = event.drill();
        try {
            record(d);
        } catch (RuntimeException e) {
            log.atError().addKeyValue("drill", d.id()).addKeyValue("error", e.getClass().getSimpleName())
                    .log("Could not record the restore drill as evidence");
        }
    }

    EvidenceRecord record(RestoreDrill d) {
        boolean passed = RestoreDrill.PASSED.equals(d.status());
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("drill", d.id());
        content.put("backup", d.backupId());
        content.put("status", d.status());
        content.put("startedAt", String.valueOf(d.startedAt()));
        content.put("finishedAt", String.valueOf(d.finishedAt()));
        content.put("recoveryMillis", d.recoveryMillis());
        content.put("tablesMatchingManifest", d.tables());
        content.put("rowsRestored", d.rows());
        content.put("auditEventsVerified", d.auditEvents());
        content.put("auditTreeHeadsChecked", d.auditHeads());
        content.put("sampledVersions", d.sampleSize());
        content.put("sampledVersionsDecrypted", d.sampleDecrypted());
        content.put("restoredInto", d.targetDatabase());
        content.put("failure", d.failure());
        String details = passed ? "Restore drill " + d.id() + " restored backup " + d.backupId() + " into a scratch "
                + "directory and verified row counts, the audit tree and a decryption sample; measured recovery time "
                + d.recoveryMillis() + " ms" : "Restore drill " + d.id() + " failed: " + d.failure();
        EvidenceDraft draft = new EvidenceDraft(CONTROLS, EvidenceKind.AUTOMATED_CHECK, d.startedAt(),
                d.finishedAt() == null ? d.startedAt() : d.finishedAt(), passed ? EvidenceResult.PASS
                : EvidenceResult.FAIL, details.length() > 4000 ? details.substring(0, 4000) : details,
                json.writeValueAsString(content).getBytes(StandardCharsets.UTF_8), "application/json", null, null);
        return events.atomically(() -> {
            if (store.evidence(d.id()).isPresent()) {
                return null;
            }
            EvidenceRecord record = evidence.record(COLLECTOR, draft);
            store.insert(d.id(), record.id(), clock.millis());
            return record;
        });
    }
}
