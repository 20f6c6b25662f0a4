package dev.safeguard.audit.web;

import dev.safeguard.audit.Alerts;
import dev.safeguard.audit.Alerts.Alert;
import dev.safeguard.audit.Alerts.State;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import dev.safeguard.shared.SecurityEvent.Agent;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/audit/alerts}: the alert inbox for auditors and security officers (the security filter chain admits
 * only them to {@code /api/audit/**}). State changes are made in the name of the signed-in person and audited.
 */
@RestController
@RequestMapping("/api/audit/alerts")
class AlertsController {

    private final Alerts alerts;

    AlertsController(Alerts alerts) {
        this.alerts = alerts;
    }

    @GetMapping
    Alerts.Page list(@RequestParam(required = false) String state, @RequestParam(required = false) String rule,
                     @RequestParam(required = false) String subject, @RequestParam(defaultValue = "0") int page,
                     @RequestParam(defaultValue = "50") int size) {
        return alerts.list(state == null ? null : state(state), rule, subject, page, size);
    }

    @GetMapping("/{id}")
    Alert get(@PathVariable long id) {
        return alerts.get(id);
    }

    @PostMapping("/{id}/acknowledge")
    Alert acknowledge(@PathVariable long id, HttpServletRequest request) {
        return alerts.acknowledge(id, agent(request));
    }

    @PostMapping("/{id}/resolve")
    Alert resolve(@PathVariable long id, HttpServletRequest request) {
        return alerts.resolve(id, agent(request));
    }

    private static State state(String value) {
        try {
            return State.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemKind.VALIDATION, "state must be one of "
                    + Arrays.toString(State.values()).toLowerCase(Locale.ROOT));
        }
    }

    private static Agent agent(HttpServletRequest request) {
        return request.getAttribute(Agent.REQUEST_ATTRIBUTE) instanceof Agent agent ? agent : null;
    }
}
