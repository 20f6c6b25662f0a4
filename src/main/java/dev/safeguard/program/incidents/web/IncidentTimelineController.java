package dev.safeguard.program.incidents.web;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.program.Incidents;
import dev.safeguard.program.TimelineEntry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
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

/** {@code /api/program/incidents/{id}/timeline}: what happened, in order. */
@RestController
@RequestMapping("/api/program/incidents/{id}/timeline")
@Tag(name = "Incidents")
class IncidentTimelineController {

    private final Incidents incidents;

    IncidentTimelineController(Incidents incidents) {
        this.incidents = incidents;
    }

    /**
     * @param occurredAt when it happened (default now; may be earlier, not later)
     * @param text       1 to 4,000 characters; never patient names or identifiers
     */
    record Note(Instant occurredAt, String text) {
    }

    @GetMapping
    @Operation(summary = "The timeline: officers' notes, the reporter's notes and every change, in order")
    List<TimelineEntry> list(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return incidents.timeline(actor, id);
    }

    @PostMapping(consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add an officer's note")
    TimelineEntry add(@AuthenticationPrincipal Actor actor, @PathVariable String id, @RequestBody Note body,
                      HttpServletRequest request) {
        return incidents.note(actor, id, body.occurredAt(), body.text(), RequestOrigin.of(request));
    }
}
