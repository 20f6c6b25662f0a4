package dev.safeguard.program.policies.web;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.program.Policies;
import dev.safeguard.program.PolicyDetail;
import dev.safeguard.program.PolicyReview;
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

/** {@code /api/program/policies/{id}/reviews}: periodic reviews of a policy (164.316(b)(2)(iii)). */
@RestController
@RequestMapping("/api/program/policies/{id}/reviews")
@Tag(name = "Policies")
class PolicyReviewsController {

    private final Policies policies;

    PolicyReviewsController(Policies policies) {
        this.policies = policies;
    }

    /**
     * @param outcome {@code no-change} ("reviewed, no change") or {@code revise} (starts a new draft)
     * @param notes   what was reviewed and concluded, 1 to 4,000 characters
     */
    record Review(String outcome, String notes) {
    }

    @GetMapping
    @Operation(summary = "The policy's reviews, newest first")
    List<PolicyReview> list(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return policies.get(actor, id).reviews();
    }

    @PostMapping(consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a review of the version in force (signed attestation evidence); moves the next "
            + "review date")
    PolicyDetail review(@AuthenticationPrincipal Actor actor, @PathVariable String id, @RequestBody Review body,
                        HttpServletRequest request) {
        return policies.review(actor, id, body.outcome(), body.notes(), RequestOrigin.of(request));
    }
}
