package dev.safeguard.program;

import dev.safeguard.program.inventory.AssetStore;
import dev.safeguard.program.risk.RiskStore;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Read-only facts about risk analysis, risk management and the inventory for evaluation checks and metrics. Every
 * answer is computed from the live register at the time of the call (staleness by the injected clock); none needs an
 * actor, and none carries free text a caller did not ask for.
 */
@Service
public class RiskPosture {

    private final RiskAnalyses analyses;
    private final RiskStore risks;
    private final AssetStore assets;

    RiskPosture(RiskAnalyses analyses, RiskStore risks, AssetStore assets) {
        this.analyses = analyses;
        this.risks = risks;
        this.assets = assets;
    }

    /** The latest finalized risk analysis, if any; {@link RiskAnalysis#stale()} says whether it is overdue. */
    public Optional<RiskAnalysis> latestAnalysis() {
        return analyses.latest();
    }

    /** When the latest risk analysis was finalized, if ever. */
    public Optional<Instant> latestFinalizedAt() {
        return latestAnalysis().map(RiskAnalysis::finalizedAt);
    }

    /** Whether a finalized analysis exists and its review date has not passed. */
    public boolean analysisCurrent() {
        return latestAnalysis().map(a -> !a.stale()).orElse(false);
    }

    /** Open risks by level; every level is present (0 when none). */
    public Map<RiskLevel, Long> openRisksByLevel() {
        return countByLevel(risks.list());
    }

    /** Open very-high risks that have no treatment plan yet. */
    public List<Risk> veryHighRisksWithoutTreatmentPlan() {
        return risks.list().stream().filter(r -> r.open() && r.level() == RiskLevel.VERY_HIGH
                && (r.treatment() == null || r.treatment().plan() == null)).toList();
    }

    public boolean anyVeryHighRiskWithoutTreatmentPlan() {
        return !veryHighRisksWithoutTreatmentPlan().isEmpty();
    }

    /** Active assets with and without centralized logging. */
    public LoggingCoverage centralLoggingCoverage() {
        List<Asset> active = assets.list().stream().filter(Asset::active).toList();
        return new LoggingCoverage(active.stream().filter(Asset::centralLogging).toList(),
                active.stream().filter(a -> !a.centralLogging()).toList());
    }

    static Map<RiskLevel, Long> countByLevel(List<Risk> all) {
        Map<RiskLevel, Long> counts = new EnumMap<>(RiskLevel.class);
        for (RiskLevel level : RiskLevel.values()) {
            counts.put(level, all.stream().filter(r -> r.open() && r.level() == level).count());
        }
        return counts;
    }
}
