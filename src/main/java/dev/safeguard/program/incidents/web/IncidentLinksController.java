package dev.safeguard.program.incidents.web;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.program.IncidentLink;
import dev.safeguard.program.IncidentLinks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/program/incidents/{id}/links}: the audit events and alerts that show the incident. */
@RestController
@RequestMapping("/api/program/incidents/{id}/links")
@Tag(name = "Incidents")
class IncidentLinksController {

    private final IncidentLinks links;

    IncidentLinksController(IncidentLinks links) {
        this.links = links;
    }

    /**
     * @param kind {@code audit-event} or {@code alert}
     * @param ref  the event's sequence number or the alert's id; it must exist
     */
    record Link(String kind, Long ref) {
    }

    @GetMapping
    @Operation(summary = "Linked audit events and alerts, each with its summary from the audit trail")
    List<IncidentLink> list(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return links.list(actor, id);
    }

    @PostMapping(consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Link an audit event or alert (404 when it does not exist, 409 when linked already)")
    IncidentLink link(@AuthenticationPrincipal Actor actor, @PathVariable String id, @RequestBody Link body,
                      HttpServletRequest request) {
        return links.link(actor, id, body.kind(), body.ref(), RequestOrigin.of(request));
    }

    @DeleteMapping("/{kind}/{ref}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a link made by mistake (the timeline keeps both)")
    void unlink(@AuthenticationPrincipal Actor actor, @PathVariable String id, @PathVariable String kind,
                @PathVariable long ref, HttpServletRequest request) {
        links.unlink(actor, id, kind, ref, RequestOrigin.of(request));
    }
}
