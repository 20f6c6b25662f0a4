package dev.safeguard.program.incidents.web;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.program.IncidentReporting;
import dev.safeguard.program.ReportedIncident;
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

/** {@code /api/me/incidents}: any signed-in workforce member reports a suspected incident and follows it. */
@RestController
@RequestMapping("/api/me/incidents")
@Tag(name = "Incident reporting", description = "Self-service incident reports (164.308(a)(6)(ii)); each member "
        + "sees only their own")
class MyIncidentsController {

    private final IncidentReporting reporting;

    MyIncidentsController(IncidentReporting reporting) {
        this.reporting = reporting;
    }

    record Note(String text) {
    }

    @PostMapping(consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Report an incident {title, description, category, discoveredAt (default now)}")
    ReportedIncident report(@AuthenticationPrincipal Actor actor, @RequestBody IncidentReporting.Report body,
                            HttpServletRequest request) {
        return reporting.report(actor, body, RequestOrigin.of(request));
    }

    @GetMapping
    @Operation(summary = "The incidents you reported, newest first")
    List<ReportedIncident> mine(@AuthenticationPrincipal Actor actor) {
        return reporting.mine(actor);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One incident you reported (404 for anyone else's)")
    ReportedIncident get(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return reporting.mine(actor, id);
    }

    @PostMapping(path = "/{id}/notes", consumes = "application/json")
    @Operation(summary = "Add what you learned since (until the incident is closed)")
    ReportedIncident note(@AuthenticationPrincipal Actor actor, @PathVariable String id, @RequestBody Note body,
                          HttpServletRequest request) {
        return reporting.note(actor, id, body.text(), RequestOrigin.of(request));
    }
}
