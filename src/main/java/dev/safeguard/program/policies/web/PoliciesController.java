package dev.safeguard.program.policies.web;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.program.Policies;
import dev.safeguard.program.Policy;
import dev.safeguard.program.PolicyDetail;
import dev.safeguard.program.PolicyDraft;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/program/policies}: the organization's policy documents (164.316(a)). */
@RestController
@RequestMapping("/api/program/policies")
@Tag(name = "Policies", description = "Policies and procedures (164.316): documents with versions, review cadence "
        + "and workforce acknowledgment")
class PoliciesController {

    private final Policies policies;

    PoliciesController(Policies policies) {
        this.policies = policies;
    }

    /**
     * What describes a policy; every field is required (a full replacement).
     *
     * @param citations    the catalog items it implements, at least one
     * @param reviewMonths review cadence, 1 to 36 months
     */
    record Change(String title, String ownerId, List<String> citations, Integer reviewMonths,
                  Boolean acknowledgmentRequired) {
    }

    @GetMapping
    @Operation(summary = "List policies by title, with the version in force, the pending one, next review date and "
            + "acknowledgment coverage")
    List<Policy> list(@AuthenticationPrincipal Actor actor) {
        return policies.list(actor);
    }

    @PostMapping(consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a policy with a draft version 1: from a template {\"template\",\"organization\"} or "
            + "from {\"title\",\"citations\",\"markdown\"}")
    PolicyDetail create(@AuthenticationPrincipal Actor actor, @RequestBody PolicyDraft body,
                        HttpServletRequest request) {
        return policies.create(actor, body, RequestOrigin.of(request));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a policy with every version (text included) and every review")
    PolicyDetail get(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return policies.get(actor, id);
    }

    @PutMapping(path = "/{id}", consumes = "application/json")
    @Operation(summary = "Replace what describes a policy: title, owner, citations, review cadence, acknowledgment")
    Policy update(@AuthenticationPrincipal Actor actor, @PathVariable String id, @RequestBody Change body,
                  HttpServletRequest request) {
        return policies.update(actor, id, body.title(), body.ownerId(), body.citations(), body.reviewMonths(),
                body.acknowledgmentRequired(), RequestOrigin.of(request));
    }
}
