package dev.safeguard.program.contingency.web;

import dev.safeguard.backup.BackupRun;
import dev.safeguard.backup.BackupVerification;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/program/contingency/backups}: encrypted backups, taken on request, and their verification. */
@RestController
@RequestMapping("/api/program/contingency/backups")
@Tag(name = "Contingency")
class BackupsController {

    private final ContingencyPlan plan;

    BackupsController(ContingencyPlan plan) {
        this.plan = plan;
    }

    @GetMapping
    @Operation(summary = "Backups, newest first (at most 200), with size, counts, hashes and verification")
    List<BackupRun> list(@AuthenticationPrincipal Actor actor) {
        return plan.backups(actor);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One backup")
    BackupRun get(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return plan.backup(actor, id);
    }

    @PostMapping
    @Operation(summary = "Take a backup now, in the background (202 with the running record; 409 while one runs)")
    ResponseEntity<BackupRun> start(@AuthenticationPrincipal Actor actor, HttpServletRequest request) {
        BackupRun run = plan.startBackup(actor, RequestOrigin.of(request));
        return ResponseEntity.accepted().location(URI.create("/api/program/contingency/backups/" + run.id()))
                .body(run);
    }

    @PostMapping("/{id}/verification")
    @Operation(summary = "Verify a backup now: signature, SHA-256 of every file, the whole encrypted stream, rows")
    BackupVerification verify(@AuthenticationPrincipal Actor actor, @PathVariable String id,
                              HttpServletRequest request) {
        return plan.verifyBackup(actor, id, RequestOrigin.of(request));
    }
}
