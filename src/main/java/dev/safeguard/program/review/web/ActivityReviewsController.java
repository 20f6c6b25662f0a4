package dev.safeguard.program.review.web;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.program.ActivityReview;
import dev.safeguard.program.ActivityReviews;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
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

/** {@code /api/program/activity-reviews}: information system activity reviews and their sign-off. */
@RestController
@RequestMapping("/api/program/activity-reviews")
@Tag(name = "Activity reviews", description = "Information system activity review (164.308(a)(1)(ii)(D)): the audit "
        + "trail's summary per period and the named reviewer's signed-off notes")
class ActivityReviewsController {

    private final ActivityReviews reviews;

    ActivityReviewsController(ActivityReviews reviews) {
        this.reviews = reviews;
    }

    /**
     * @param from       start of the period (inclusive)
     * @param to         end of the period (exclusive), not in the future
     * @param reviewerId an active security or compliance officer; omitted: the security official
     */
    record Open(Instant from, Instant to, String reviewerId) {
    }

    /** @param notes what the reviewer found and did, 1 to 4,000 characters */
    record SignOff(String notes) {
    }

    @GetMapping
    @Operation(summary = "List reviews, newest period first, each open, overdue or signed")
    List<ActivityReview> list(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String status) {
        return reviews.list(actor, status);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a review with the audit trail's summary for its period")
    ActivityReview get(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return reviews.get(actor, id);
    }

    @PostMapping(consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Open a review for a past period, with its summary computed now")
    ActivityReview open(@AuthenticationPrincipal Actor actor, @RequestBody Open body, HttpServletRequest request) {
        return reviews.open(actor, body.from(), body.to(), body.reviewerId(), RequestOrigin.of(request));
    }

    @PostMapping(path = "/{id}/sign-off", consumes = "application/json")
    @Operation(summary = "Sign a review off with notes (named reviewer, once); recorded as signed attestation "
            + "evidence")
    ActivityReview signOff(@AuthenticationPrincipal Actor actor, @PathVariable String id, @RequestBody SignOff body,
                           HttpServletRequest request) {
        return reviews.signOff(actor, id, body.notes(), RequestOrigin.of(request));
    }
}
