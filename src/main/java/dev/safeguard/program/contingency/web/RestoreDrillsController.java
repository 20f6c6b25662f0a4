package dev.safeguard.program.contingency.web;

import dev.safeguard.backup.RestoreDrill;
import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.program.ContingencyPlan;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/program/contingency/drills}: restore drills with their measured recovery time and evidence. */
@RestController
@RequestMapping("/api/program/contingency/drills")
@Tag(name = "Contingency")
class RestoreDrillsController {

    private final ContingencyPlan plan;

    RestoreDrillsController(ContingencyPlan plan) {
        this.plan = plan;
    }

    /** @param backupId the backup to restore; omitted: the latest verified one (or a new one if it is stale) */
    record Start(String backupId) {
    }

    /** A drill and the signed evidence recorded for it once it finished. */
    record Answer(RestoreDrill drill, String evidenceId) {
    }

    @GetMapping
    @Operation(summary = "Restore drills, newest first (at most 200)")
    List<RestoreDrill> list(@AuthenticationPrincipal Actor actor) {
        return plan.drills(actor);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One drill with its evidence id")
    Answer get(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        RestoreDrill drill = plan.drill(actor, id);
        return new Answer(drill, plan.drillEvidence(drill.id()).orElse(null));
    }

    @PostMapping
    @Operation(summary = "Run a restore drill now, in the background (202 with the running drill; 409 while one runs)")
    ResponseEntity<Answer> start(@AuthenticationPrincipal Actor actor, @RequestBody(required = false) Start body,
                                 HttpServletRequest request) {
        RestoreDrill drill = plan.startDrill(actor, body == null ? null : body.backupId(), RequestOrigin.of(request));
        return ResponseEntity.accepted().location(URI.create("/api/program/contingency/drills/" + drill.id()))
                .body(new Answer(drill, null));
    }
}
