package dev.safeguard.program.accessreview.web;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.program.AccessReviewChange;
import dev.safeguard.program.AccessReviewDecision;
import dev.safeguard.program.AccessReviewDecisions;
import dev.safeguard.program.AccessReviewItem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/me/access-reviews}: the access-review items assigned to the signed-in user, and their decisions. Open
 * to every signed-in workforce user; it acts only on the caller's own items.
 */
@RestController
@RequestMapping("/api/me/access-reviews")
@Tag(name = "My access reviews", description = "The access-review items assigned to me: keep, revoke or modify "
        + "each, with a comment; revocations take effect at once")
class MyAccessReviewsController {

    private final AccessReviewDecisions decisions;

    MyAccessReviewsController(AccessReviewDecisions decisions) {
        this.decisions = decisions;
    }

    /**
     * @param decision  keep, revoke or modify
     * @param comment   why (required to revoke or modify; at most 2,000 characters)
     * @param role      modify a role item: the role put in its place
     * @param endsAt    modify a care-team item: its new, earlier end
     * @param expiresAt modify a service-client item: its new, earlier expiry
     * @param scopes    modify a service-client item: the scopes it keeps
     */
    record Decide(String decision, String comment, String role, Instant endsAt, Instant expiresAt,
                  List<String> scopes) {
    }

    @GetMapping
    @Operation(summary = "My undecided items of the open campaign; all=true adds decided ones and past campaigns")
    List<AccessReviewItem> list(@AuthenticationPrincipal Actor actor,
                                @RequestParam(defaultValue = "false") boolean all) {
        return decisions.mine(actor, all);
    }

    @GetMapping("/{itemId}")
    @Operation(summary = "Read one of my items")
    AccessReviewItem get(@AuthenticationPrincipal Actor actor, @PathVariable String itemId) {
        return decisions.mine(actor, itemId);
    }

    @PostMapping(path = "/{itemId}/decision", consumes = "application/json")
    @Operation(summary = "Decide one of my items, once; a revocation or modification takes effect at once")
    AccessReviewItem decide(@AuthenticationPrincipal Actor actor, @PathVariable String itemId,
                            @RequestBody Decide body, HttpServletRequest request) {
        AccessReviewChange change = body.role() == null && body.endsAt() == null && body.expiresAt() == null
                && body.scopes() == null ? null
                : new AccessReviewChange(body.role(), body.endsAt(), body.expiresAt(), body.scopes());
        return decisions.decide(actor, itemId, new AccessReviewDecision(body.decision(), body.comment(), change),
                RequestOrigin.of(request));
    }
}
