package dev.safeguard.program.risk.web;

import dev.safeguard.identity.Actor;
import dev.safeguard.program.Threat;
import dev.safeguard.program.ThreatCatalog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/program/threats}: the shipped catalog of threats and vulnerabilities common in health care. */
@RestController
@RequestMapping("/api/program/threats")
@Tag(name = "Threats", description = "The shipped threat and vulnerability catalog")
class ThreatsController {

    private final ThreatCatalog catalog;

    ThreatsController(ThreatCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    @Operation(summary = "List the catalog; kind=threat or kind=vulnerability filters")
    List<Threat> list(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String kind) {
        return catalog.list(actor, kind);
    }
}
