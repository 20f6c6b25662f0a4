package dev.safeguard.program.incidents.web;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.program.Incident;
import dev.safeguard.program.IncidentSummary;
import dev.safeguard.program.Incidents;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/program/incidents}: security incidents, their status and their breach clocks. */
@RestController
@RequestMapping("/api/program/incidents")
@Tag(name = "Incidents", description = "Security incident procedures (164.308(a)(6)) and breach notification "
        + "(164.400-414): incidents, status, deadlines")
class IncidentsController {

    private final Incidents incidents;

    IncidentsController(Incidents incidents) {
        this.incidents = incidents;
    }

    /**
     * @param status     {@code reported}, {@code triage}, {@code investigating}, {@code contained} or {@code closed}
     * @param resolution when closing: {@code resolved} or {@code not-an-incident}
     * @param note       what happened (required when closing)
     */
    record Transition(String status, String resolution, String note) {
    }

    @GetMapping
    @Operation(summary = "List incidents, newest first, with status, severity and deadline clocks; status=open for "
            + "those not closed")
    List<IncidentSummary> list(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String status) {
        return incidents.list(actor, status);
    }

    @PostMapping(consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record an incident (officers); it starts as reported")
    Incident create(@AuthenticationPrincipal Actor actor, @RequestBody Incidents.Draft body,
                    HttpServletRequest request) {
        return incidents.create(actor, body, RequestOrigin.of(request));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read an incident with its affected individuals, assessment, deadlines, notifications, "
            + "links and timeline")
    Incident get(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return incidents.get(actor, id);
    }

    @PutMapping(path = "/{id}", consumes = "application/json")
    @Operation(summary = "Change an incident's facts (409 when baseVersion is stale or the incident closed)")
    Incident update(@AuthenticationPrincipal Actor actor, @PathVariable String id, @RequestBody Incidents.Draft body,
                    HttpServletRequest request) {
        return incidents.update(actor, id, body, RequestOrigin.of(request));
    }

    @PostMapping(path = "/{id}/status", consumes = "application/json")
    @Operation(summary = "Move the incident along reported → triage → investigating → contained → closed (valid "
            + "transitions only; 409 otherwise)")
    Incident transition(@AuthenticationPrincipal Actor actor, @PathVariable String id, @RequestBody Transition body,
                        HttpServletRequest request) {
        return incidents.transition(actor, id, body.status(), body.resolution(), body.note(),
                RequestOrigin.of(request));
    }
}
