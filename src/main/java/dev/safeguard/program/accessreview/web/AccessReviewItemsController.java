package dev.safeguard.program.accessreview.web;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.program.AccessReviewItem;
import dev.safeguard.program.AccessReviewItemPage;
import dev.safeguard.program.AccessReviews;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/program/access-reviews/{id}/items}: a campaign's items, and naming another reviewer for one. */
@RestController
@RequestMapping("/api/program/access-reviews/{campaignId}/items")
@Tag(name = "Access reviews")
class AccessReviewItemsController {

    private final AccessReviews reviews;

    AccessReviewItemsController(AccessReviews reviews) {
        this.reviews = reviews;
    }

    /** @param reviewerId an active workforce member other than the item's subject */
    record Reassign(String reviewerId) {
    }

    @GetMapping
    @Operation(summary = "List a campaign's items: filter by reviewer, state (decided, undecided), unused, kind "
            + "(role, care-team, service-client); size 1 to 500")
    AccessReviewItemPage list(@AuthenticationPrincipal Actor actor, @PathVariable String campaignId,
                              @RequestParam(required = false) String reviewerId,
                              @RequestParam(required = false) String state,
                              @RequestParam(required = false) Boolean unused,
                              @RequestParam(required = false) String kind,
                              @RequestParam(defaultValue = "0") int page,
                              @RequestParam(defaultValue = "100") int size) {
        return reviews.items(actor, campaignId, reviewerId, state, unused, kind, page, size);
    }

    @GetMapping("/{itemId}")
    @Operation(summary = "Read one item")
    AccessReviewItem get(@AuthenticationPrincipal Actor actor, @PathVariable String campaignId,
                         @PathVariable String itemId) {
        return inCampaign(reviews.item(actor, itemId), campaignId);
    }

    @PostMapping(path = "/{itemId}/reviewer", consumes = "application/json")
    @Operation(summary = "Name another reviewer for an undecided item (never its subject)")
    AccessReviewItem reassign(@AuthenticationPrincipal Actor actor, @PathVariable String campaignId,
                              @PathVariable String itemId, @RequestBody Reassign body, HttpServletRequest request) {
        inCampaign(reviews.item(actor, itemId), campaignId);
        return reviews.reassign(actor, itemId, body.reviewerId(), RequestOrigin.of(request));
    }

    private static AccessReviewItem inCampaign(AccessReviewItem item, String campaignId) {
        if (!item.campaignId().equals(campaignId)) {
            throw new ProblemException(ProblemKind.NOT_FOUND,
                    "No item " + item.id() + " in campaign " + campaignId);
        }
        return item;
    }
}
