package dev.safeguard.program.workforce.web;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.program.Termination;
import dev.safeguard.program.Terminations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/program/terminations}: termination records with every revocation and its latency. */
@RestController
@RequestMapping("/api/program/terminations")
@Tag(name = "Program: workforce")
class TerminationsController {

    private final Terminations terminations;

    TerminationsController(Terminations terminations) {
        this.terminations = terminations;
    }

    @GetMapping
    @Operation(summary = "Terminations, newest effective time first")
    List<Termination> list(@AuthenticationPrincipal Actor actor) {
        return terminations.list(actor);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A termination with each revocation, its time and latency from the effective time")
    Termination get(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return terminations.get(actor, id);
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel a scheduled termination (security officer; 409 once carried out)")
    Termination cancel(@AuthenticationPrincipal Actor actor, @PathVariable String id, HttpServletRequest request) {
        return terminations.cancel(actor, id, RequestOrigin.of(request));
    }
}
