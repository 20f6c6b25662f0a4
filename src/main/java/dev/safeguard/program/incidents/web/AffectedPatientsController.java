package dev.safeguard.program.incidents.web;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.program.AffectedCount;
import dev.safeguard.program.AffectedPatients;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
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

/** {@code /api/program/incidents/{id}/affected-patients}: who the incident affects, as counts per state. */
@RestController
@RequestMapping("/api/program/incidents/{id}/affected-patients")
@Tag(name = "Incidents")
class AffectedPatientsController {

    private final AffectedPatients affected;

    AffectedPatientsController(AffectedPatients affected) {
        this.affected = affected;
    }

    @GetMapping
    @Operation(summary = "Every count of affected individuals, newest (in force) first")
    List<AffectedCount> history(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return affected.history(actor, id);
    }

    @PostMapping(consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Compute from the audit trail which patients the users and service clients touched in the "
            + "window, counted per state inside the vault; counts only, audited")
    AffectedCount compute(@AuthenticationPrincipal Actor actor, @PathVariable String id,
                          @RequestBody AffectedPatients.Analysis body, HttpServletRequest request) {
        return affected.compute(actor, id, body, RequestOrigin.of(request));
    }

    @PostMapping(path = "/officer-count", consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a count established outside the vault (paper records, a lost device), with notes")
    AffectedCount record(@AuthenticationPrincipal Actor actor, @PathVariable String id,
                         @RequestBody AffectedPatients.Count body, HttpServletRequest request) {
        return affected.record(actor, id, body, RequestOrigin.of(request));
    }
}
