package dev.safeguard.program.accessreview.web;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.program.AccessReviewCampaign;
import dev.safeguard.program.AccessReviews;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/program/access-reviews}: access-review campaigns, their progress, and starting one now. */
@RestController
@RequestMapping("/api/program/access-reviews")
@Tag(name = "Access reviews", description = "Access authorization and modification reviews (164.308(a)(4)(ii)(B), "
        + "(C); 164.308(a)(3)(ii)(A)): campaigns that snapshot every role, care-team assignment and service client "
        + "with its last activity, each item going to a named reviewer")
class AccessReviewCampaignsController {

    private final AccessReviews reviews;

    AccessReviewCampaignsController(AccessReviews reviews) {
        this.reviews = reviews;
    }

    /** @param dueInDays days until the campaign is due, 1 to 92; omitted: the configured default (14) */
    record Start(Integer dueInDays) {
    }

    @GetMapping
    @Operation(summary = "List campaigns, newest first, each open, overdue or completed, with its progress")
    List<AccessReviewCampaign> list(@AuthenticationPrincipal Actor actor,
                                    @RequestParam(required = false) String status) {
        return reviews.list(actor, status);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a campaign with its progress")
    AccessReviewCampaign get(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return reviews.get(actor, id);
    }

    @PostMapping(consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Start a campaign now: snapshots every entitlement in force (409 while one is open)")
    AccessReviewCampaign start(@AuthenticationPrincipal Actor actor, @RequestBody(required = false) Start body,
                               HttpServletRequest request) {
        return reviews.start(actor, body == null ? null : body.dueInDays(), RequestOrigin.of(request));
    }
}
