package dev.safeguard.program.contingency.web;

import dev.safeguard.backup.KeyExport;
import dev.safeguard.identity.Actor;
import dev.safeguard.program.ContingencyPlan;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/program/contingency}: where backups, drills and the key backup stand. */
@RestController
@RequestMapping("/api/program/contingency")
@Tag(name = "Contingency", description = "Contingency plan (164.308(a)(7)): backups, restore drills, key backups")
class ContingencyStatusController {

    private final ContingencyPlan plan;

    ContingencyStatusController(ContingencyPlan plan) {
        this.plan = plan;
    }

    @GetMapping
    @Operation(summary = "Latest backup and verified backup with its age, latest drills, key backup, settings")
    ContingencyPlan.Status status(@AuthenticationPrincipal Actor actor) {
        return plan.status(actor);
    }

    @GetMapping("/key-backups")
    @Operation(summary = "Backups of the key material made with 'backup keys' (file, SHA-256, keyset names)")
    List<KeyExport> keyBackups(@AuthenticationPrincipal Actor actor) {
        return plan.keyBackups(actor);
    }
}
