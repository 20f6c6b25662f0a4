package dev.safeguard.program.incidents.web;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.program.BreachDeadline;
import dev.safeguard.program.BreachNotifications;
import dev.safeguard.program.LawEnforcementDelay;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/program/incidents/{id}/deadlines} and {@code .../law-enforcement-delay}: the breach clocks and the
 * law-enforcement statement (164.412) that holds them.
 */
@RestController
@RequestMapping("/api/program/incidents/{id}")
@Tag(name = "Incidents")
class BreachDeadlinesController {

    private final BreachNotifications notifications;

    BreachDeadlinesController(BreachNotifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/deadlines")
    @Operation(summary = "The notification deadlines as of today, each with its rule, due day, days remaining and "
            + "status (open, due-soon, on-hold, overdue, met, late)")
    List<BreachDeadline> deadlines(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return notifications.deadlines(actor, id);
    }

    @PutMapping(path = "/law-enforcement-delay", consumes = "application/json")
    @Operation(summary = "Record a law-enforcement statement {kind: oral|written, statedOn, until, agency, "
            + "official, notes}; an oral one holds at most 30 days")
    LawEnforcementDelay hold(@AuthenticationPrincipal Actor actor, @PathVariable String id,
                             @RequestBody BreachNotifications.Hold body, HttpServletRequest request) {
        return notifications.hold(actor, id, body, RequestOrigin.of(request));
    }
}
