package dev.safeguard.program.risk;

import dev.safeguard.program.Risk;
import dev.safeguard.program.RiskDraft;
import dev.safeguard.program.RiskLevel;
import dev.safeguard.program.Treatment;
import dev.safeguard.program.TreatmentDraft;
import dev.safeguard.program.internal.CsvTable;
import java.util.List;

/**
 * The risk register's CSV layout, one risk per record; asset ids and controls space-separated, dates as
 * {@code yyyy-MM-dd}. The {@code level} and {@code residual_level} columns are exported for readers and recomputed by
 * Table I-2 on import, whatever they say.
 */
public final class RiskCsv {

    public static final List<String> COLUMNS = List.of("id", "title", "threat_id", "threat", "vulnerability",
            "asset_ids", "controls", "likelihood", "impact", "level", "treatment", "treatment_plan",
            "treatment_owner_id", "treatment_due", "approver_id", "residual_likelihood", "residual_impact",
            "residual_level", "status");
    static final List<String> REQUIRED = List.of("title", "vulnerability", "likelihood", "impact");

    /** An imported record: its line, the id it names (or {@code null}) and the risk it describes. */
    public record Record(long line, String id, RiskDraft draft) {
    }

    private RiskCsv() {
    }

    public static String write(List<Risk> risks) {
        return CsvTable.write(COLUMNS, risks.stream().map(RiskCsv::cells).toList());
    }

    public static List<Record> read(String csv) {
        return CsvTable.read(csv, COLUMNS, REQUIRED).stream().map(row -> new Record(row.line(), row.get("id"),
                new RiskDraft(row.get("title"), row.get("threat_id"), row.get("threat"), row.get("vulnerability"),
                        SpecificationIds.split(row.get("asset_ids")), SpecificationIds.split(row.get("controls")),
                        row.get("likelihood"), row.get("impact"), new TreatmentDraft(row.get("treatment"),
                        row.get("treatment_plan"), row.get("treatment_owner_id"), row.get("treatment_due"),
                        row.get("approver_id"), row.get("residual_likelihood"), row.get("residual_impact")),
                        row.get("status")))).toList();
    }

    private static List<String> cells(Risk r) {
        Treatment t = r.treatment();
        return List.of(r.id(), r.title(), text(r.threatId()), r.threat(), r.vulnerability(),
                String.join(" ", r.assetIds()), String.join(" ", r.controls()), r.likelihood().id(), r.impact().id(),
                r.level().id(), t == null ? "" : t.type(), t == null ? "" : t.plan(), t == null ? "" : text(t.ownerId()),
                t == null || t.dueDate() == null ? "" : t.dueDate().toString(), t == null ? "" : text(t.approverId()),
                t == null ? "" : level(t.residualLikelihood()), t == null ? "" : level(t.residualImpact()),
                t == null ? "" : level(t.residualLevel()), r.status());
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String level(RiskLevel level) {
        return level == null ? "" : level.id();
    }
}
