package dev.safeguard.program.policies.web;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.program.EvidenceRecord;
import dev.safeguard.program.PolicyAcknowledgment;
import dev.safeguard.program.PolicyAcknowledgments;
import dev.safeguard.program.PolicyCoverage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/program/policy-acknowledgments}: who acknowledged the policies in force, per policy and as a report. */
@RestController
@RequestMapping("/api/program")
@Tag(name = "Policies")
class PolicyAcknowledgmentsController {

    private final PolicyAcknowledgments acknowledgments;

    PolicyAcknowledgmentsController(PolicyAcknowledgments acknowledgments) {
        this.acknowledgments = acknowledgments;
    }

    @GetMapping("/policy-acknowledgments")
    @Operation(summary = "Acknowledgment coverage of every policy in force that asks for it (acknowledged / active "
            + "users, pending and overdue user ids)")
    List<PolicyCoverage> coverage(@AuthenticationPrincipal Actor actor) {
        return acknowledgments.coverage(actor);
    }

    @PostMapping("/policy-acknowledgments/report")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record the coverage now as signed evidence (164.316(a), (b)(2)(ii))")
    EvidenceRecord report(@AuthenticationPrincipal Actor actor, HttpServletRequest request) {
        return acknowledgments.report(actor, RequestOrigin.of(request));
    }

    @GetMapping("/policies/{id}/acknowledgments")
    @Operation(summary = "The acknowledgments of one version of a policy (default: the one in force)")
    List<PolicyAcknowledgment> of(@AuthenticationPrincipal Actor actor, @PathVariable String id,
                                  @RequestParam(required = false) Integer version) {
        return acknowledgments.of(actor, id, version);
    }
}
