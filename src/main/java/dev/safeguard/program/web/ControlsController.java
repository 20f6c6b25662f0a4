package dev.safeguard.program.web;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.program.Control;
import dev.safeguard.program.ControlChange;
import dev.safeguard.program.ControlVersion;
import dev.safeguard.program.Controls;
import dev.safeguard.program.Decision;
import dev.safeguard.program.DecisionDraft;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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

/**
 * {@code /api/program/controls}: the organization's control for each specification, changed only by adding versions,
 * and the 164.306(d) decision records of addressable specifications.
 */
@RestController
@RequestMapping("/api/program/controls")
@Tag(name = "Program: controls", description = "Controls (versioned) and 164.306(d) decisions")
class ControlsController {

    private final Controls controls;

    ControlsController(Controls controls) {
        this.controls = controls;
    }

    record DecisionBody(@NotNull @Size(max = 40) String decision, @Size(max = 4000) String rationale,
                        @Size(max = 4000) String alternative, @Size(max = 64) String approverId,
                        LocalDate decidedOn) {
        DecisionDraft draft() {
            return new DecisionDraft(decision, rationale, alternative, approverId, decidedOn);
        }
    }

    record VersionBody(@NotNull @Size(max = 40) String status, @Size(max = 4000) String notApplicableReason,
                       @Size(max = 64) String ownerId, @Size(max = 10000) String implementation,
                       @Size(max = 100) List<@Size(max = 64) String> evidenceIds, LocalDate nextReviewOn,
                       Integer baseVersion, @Valid DecisionBody decision) {
    }

    record ControlDetail(Control control, List<ControlVersion> versions, List<Decision> decisions) {
    }

    @GetMapping
    @Operation(summary = "Every catalog item with its current control and decision")
    List<Control> list(@AuthenticationPrincipal Actor actor) {
        return controls.list(actor);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A control with every version and decision record, newest first")
    ControlDetail get(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return new ControlDetail(controls.get(actor, id), controls.history(actor, id), controls.decisions(actor, id));
    }

    @GetMapping("/{id}/versions")
    @Operation(summary = "Every version of a control, newest first")
    List<ControlVersion> versions(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return controls.history(actor, id);
    }

    @GetMapping("/{id}/versions/{version}")
    @Operation(summary = "One version of a control")
    ControlVersion version(@AuthenticationPrincipal Actor actor, @PathVariable String id, @PathVariable int version) {
        return controls.history(actor, id).stream().filter(v -> v.version() == version).findFirst()
                .orElseThrow(() -> new ProblemException(ProblemKind.NOT_FOUND, "No version " + version + " of " + id));
    }

    @PostMapping(path = "/{id}/versions", consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a new version of a control (optionally with a 164.306(d) decision)")
    ControlVersion update(@AuthenticationPrincipal Actor actor, @PathVariable String id,
                          @Valid @RequestBody VersionBody body, HttpServletRequest request) {
        return controls.update(actor, id, new ControlChange(body.status(), body.notApplicableReason(), body.ownerId(),
                body.implementation(), body.evidenceIds(), body.nextReviewOn(), body.baseVersion(),
                body.decision() == null ? null : body.decision().draft()), RequestOrigin.of(request));
    }

    @GetMapping("/{id}/decisions")
    @Operation(summary = "Every 164.306(d) decision record of an addressable specification, newest first")
    List<Decision> decisions(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return controls.decisions(actor, id);
    }

    @PostMapping(path = "/{id}/decisions", consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a 164.306(d) decision: implement, equivalent-alternative or "
            + "not-reasonable-and-appropriate, with rationale, approver and date")
    Decision decide(@AuthenticationPrincipal Actor actor, @PathVariable String id,
                    @Valid @RequestBody DecisionBody body, HttpServletRequest request) {
        return controls.decide(actor, id, body.draft(), RequestOrigin.of(request));
    }
}
