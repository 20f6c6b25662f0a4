package dev.safeguard.program.risk.web;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.program.RiskAnalyses;
import dev.safeguard.program.RiskAnalysis;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code /api/program/risk-analyses}: finalized, versioned snapshots of the risk analysis. */
@RestController
@RequestMapping("/api/program/risk-analyses")
@Tag(name = "Risk analyses", description = "Finalized risk analyses: frozen snapshots reviewed at least every 12 months")
class RiskAnalysesController {

    private final RiskAnalyses analyses;

    RiskAnalysesController(RiskAnalyses analyses) {
        this.analyses = analyses;
    }

    /**
     * @param scope     what the analysis covers
     * @param reviewDue when it must be reviewed ({@code yyyy-MM-dd}); default and maximum 12 months ahead
     */
    record Finalize(String scope, LocalDate reviewDue) {
    }

    /** An analysis with its frozen snapshot. */
    record Document(RiskAnalysis analysis, JsonNode snapshot) {
    }

    @GetMapping
    @Operation(summary = "List finalized analyses, newest first, each saying whether it is stale")
    List<RiskAnalysis> list(@AuthenticationPrincipal Actor actor) {
        return analyses.list(actor);
    }

    @PostMapping(consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Finalize: freeze scope, inventory, data flows and every risk as the next version")
    RiskAnalysis finalizeAnalysis(@AuthenticationPrincipal Actor actor, @RequestBody Finalize body,
                                  HttpServletRequest request) {
        return analyses.finalizeAnalysis(actor, body.scope(), body.reviewDue(), RequestOrigin.of(request));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a finalized analysis with its snapshot")
    Document get(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return new Document(analyses.get(actor, id), analyses.snapshot(actor, id));
    }
}
