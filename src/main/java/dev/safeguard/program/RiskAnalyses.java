package dev.safeguard.program;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.program.internal.RiskInventoryEvents;
import dev.safeguard.program.inventory.AssetStore;
import dev.safeguard.program.inventory.DataFlowStore;
import dev.safeguard.program.risk.AnalysisStore;
import dev.safeguard.program.risk.RiskStore;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import dev.safeguard.shared.SecurityEvent.Action;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Finalized risk analyses: "finalize" freezes the scope, the inventory (where ePHI is stored, received, maintained and
 * transmitted), the data flows and every risk with its controls, likelihood, impact, level and treatment into a
 * numbered snapshot with its SHA-256 (OCR elements 1 to 8), due for review within 12 months (element 9). An analysis
 * is stale once its review date has passed, by the injected clock (UTC dates). Snapshots are never changed.
 */
@Service
public class RiskAnalyses {

    /** An analysis must be reviewed at least this often. */
    public static final int REVIEW_MONTHS = 12;

    private final AnalysisStore analyses;
    private final RiskStore risks;
    private final AssetStore assets;
    private final DataFlowStore flows;
    private final RiskInventoryEvents events;
    private final ObjectMapper json;
    private final Clock clock;

    RiskAnalyses(AnalysisStore analyses, RiskStore risks, AssetStore assets, DataFlowStore flows,
                 RiskInventoryEvents events, ObjectMapper json, Clock clock) {
        this.analyses = analyses;
        this.risks = risks;
        this.assets = assets;
        this.flows = flows;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /** Finalized analyses, newest first. */
    public List<RiskAnalysis> list(Actor actor) {
        RiskInventoryRoles.requireReader(actor);
        return analyses.list().stream().map(this::view).toList();
    }

    /** One analysis with its frozen snapshot. */
    public JsonNode snapshot(Actor actor, String id) {
        RiskInventoryRoles.requireReader(actor);
        AnalysisStore.Row row = analyses.find(id).orElseThrow(() -> new ProblemException(ProblemKind.NOT_FOUND,
                "No risk analysis with id " + Fields.abbreviated(String.valueOf(id))));
        return json.readTree(row.snapshot());
    }

    public RiskAnalysis get(Actor actor, String id) {
        RiskInventoryRoles.requireReader(actor);
        return analyses.find(id).map(this::view).orElseThrow(() -> new ProblemException(ProblemKind.NOT_FOUND,
                "No risk analysis with id " + Fields.abbreviated(String.valueOf(id))));
    }

    /**
     * Freezes the register now as the next version.
     *
     * @param scope     what the analysis covers (all ePHI the organization creates, receives, maintains or transmits)
     * @param reviewDue when it must be reviewed; {@code null} means 12 months from today; at most 12 months ahead
     */
    public RiskAnalysis finalizeAnalysis(Actor actor, String scope, LocalDate reviewDue, RequestOrigin origin) {
        RiskInventoryRoles.requireWriter(actor);
        String cleanScope = Fields.required(scope, "scope", 4000);
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate latest = today.plusMonths(REVIEW_MONTHS);
        LocalDate due = reviewDue == null ? latest : reviewDue;
        if (!due.isAfter(today) || due.isAfter(latest)) {
            throw new ProblemException(ProblemKind.VALIDATION, "The review date must be after today and at most "
                    + REVIEW_MONTHS + " months ahead (by " + latest + ")");
        }
        return events.atomically(() -> {
            List<Risk> all = risks.list();
            if (all.isEmpty()) {
                throw new ProblemException(ProblemKind.CONFLICT, "The register holds no risk; record the risks "
                        + "before finalizing an analysis");
            }
            int version = analyses.latestVersion() + 1;
            String id = UUID.randomUUID().toString();
            String snapshot = json.writeValueAsString(snapshot(version, cleanScope, now, actor.id(), due, all));
            AnalysisStore.Row row = new AnalysisStore.Row(id, version, cleanScope, now.toEpochMilli(), actor.id(),
                    due.toString(), all.size(), sha256(snapshot), snapshot);
            analyses.insert(row);
            events.record("risk-analysis-finalize", Action.C, actor, origin, "RiskAnalysis", id);
            return view(row);
        });
    }

    /** The latest finalized analysis, without role check (for {@link RiskPosture}). */
    Optional<RiskAnalysis> latest() {
        return analyses.latest().map(this::view);
    }

    private Map<String, Object> snapshot(int version, String scope, Instant now, String by, LocalDate due,
                                         List<Risk> all) {
        List<Asset> inventory = assets.list();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("version", version);
        s.put("scope", scope);
        s.put("finalizedAt", now.toString());
        s.put("finalizedBy", by);
        s.put("reviewDue", due.toString());
        s.put("ephiAssets", inventory.stream().filter(a -> a.ephi() && a.active()).map(Asset::id).toList());
        s.put("assets", inventory);
        s.put("dataFlows", flows.list());
        s.put("openRisksByLevel", RiskPosture.countByLevel(all));
        s.put("risks", all);
        return s;
    }

    private RiskAnalysis view(AnalysisStore.Row r) {
        LocalDate due = LocalDate.parse(r.reviewDue());
        boolean stale = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).isAfter(due);
        return new RiskAnalysis(r.id(), r.version(), r.scope(), Instant.ofEpochMilli(r.finalizedAt()),
                r.finalizedBy(), due, r.riskCount(), stale, r.snapshotSha256());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }
}
