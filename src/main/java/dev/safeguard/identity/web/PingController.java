package dev.safeguard.identity.web;

import dev.safeguard.identity.Actor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/ping}: a no-op that names the kind of caller. Open to anyone; with a credential it is the cheapest
 * authenticated call, which the benchmarks use to measure the cost of authentication.
 */
@RestController
class PingController {

    record Pong(String caller) {
    }

    @GetMapping("/api/ping")
    Pong ping(@AuthenticationPrincipal Actor actor) {
        return new Pong(actor == null ? "anonymous" : actor.kind().name().toLowerCase().replace('_', '-'));
    }
}
