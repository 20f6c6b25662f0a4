package dev.safeguard.program.policies.web;

import dev.safeguard.identity.Actor;
import dev.safeguard.program.PolicyTemplate;
import dev.safeguard.program.PolicyTemplates;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/program/policy-templates}: the core policies shipped with Safeguard. */
@RestController
@RequestMapping("/api/program/policy-templates")
@Tag(name = "Policies")
class PolicyTemplatesController {

    private final PolicyTemplates templates;

    PolicyTemplatesController(PolicyTemplates templates) {
        this.templates = templates;
    }

    @GetMapping
    @Operation(summary = "The 17 core policy templates, with their citations and text (placeholders unfilled)")
    List<PolicyTemplate> list(@AuthenticationPrincipal Actor actor) {
        return templates.list(actor);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One template")
    PolicyTemplate get(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return templates.get(actor, id);
    }
}
