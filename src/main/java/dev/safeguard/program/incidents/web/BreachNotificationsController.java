package dev.safeguard.program.incidents.web;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.program.BreachNotification;
import dev.safeguard.program.BreachNotifications;
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

/** {@code /api/program/incidents/{id}/notifications}: breach notifications sent. */
@RestController
@RequestMapping("/api/program/incidents/{id}/notifications")
@Tag(name = "Incidents")
class BreachNotificationsController {

    private final BreachNotifications notifications;

    BreachNotificationsController(BreachNotifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    @Operation(summary = "Notifications sent, in order")
    List<BreachNotification> list(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return notifications.list(actor, id);
    }

    @PostMapping(consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a notification {recipient: individuals|hhs|media|covered-entity, state (media), "
            + "sentAt, method, individuals (for individuals), notes}; it meets the matching deadline")
    BreachNotification record(@AuthenticationPrincipal Actor actor, @PathVariable String id,
                              @RequestBody BreachNotifications.Draft body, HttpServletRequest request) {
        return notifications.record(actor, id, body, RequestOrigin.of(request));
    }
}
