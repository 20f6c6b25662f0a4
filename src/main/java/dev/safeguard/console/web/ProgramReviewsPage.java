package dev.safeguard.console.web;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.Workforce;
import dev.safeguard.program.ActivityReview;
import dev.safeguard.program.ActivityReviews;
import dev.safeguard.shared.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /program/reviews}: information system activity reviews (164.308(a)(1)(ii)(D)), each period's audit summary
 * and the named reviewer's sign-off form. Auditors read; officers sign off.
 */
@Controller
@RequestMapping("/program/reviews")
class ProgramReviewsPage {

    private final ActivityReviews reviews;
    private final Workforce workforce;

    ProgramReviewsPage(ActivityReviews reviews, Workforce workforce) {
        this.reviews = reviews;
        this.workforce = workforce;
    }

    @GetMapping
    String list(@RequestParam(required = false) String status, Model model, HttpServletRequest request,
                HttpServletResponse response) {
        Actor actor = ConsoleRequest.actor(request);
        try {
            model.addAttribute("reviews", reviews.list(actor, status));
        } catch (ProblemException e) {
            Problems.show(model, response, e);
            model.addAttribute("reviews", reviews.list(actor, null));
        }
        model.addAttribute("usernames", ProgramPages.usernames(workforce));
        return "console/program-reviews";
    }

    @GetMapping("/{id}")
    String detail(@PathVariable String id, @RequestParam(required = false) String signed, Model model,
                  HttpServletRequest request) {
        render(model, ConsoleRequest.actor(request), id);
        if (signed != null) {
            model.addAttribute("notice", "Signed off; the sign-off is recorded as signed evidence.");
        }
        return "console/program-review";
    }

    @PostMapping("/{id}/sign-off")
    String signOff(@PathVariable String id, @RequestParam(defaultValue = "") String notes, Model model,
                   HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        Actor actor = ConsoleRequest.actor(request);
        try {
            reviews.signOff(actor, id, Problems.limited(notes, 8000, "notes"), ConsoleRequest.origin(request));
            redirect.addAttribute("signed", "1");
            return "redirect:/program/reviews/" + id;
        } catch (ProblemException e) {
            Problems.show(model, response, e);
            model.addAttribute("notes", notes);
            render(model, actor, id);
            return "console/program-review";
        }
    }

    private void render(Model model, Actor actor, String id) {
        ActivityReview review = reviews.get(actor, id);
        model.addAttribute("review", review);
        model.addAttribute("s", review.summary());
        model.addAttribute("usernames", ProgramPages.usernames(workforce));
        model.addAttribute("mayReview", review.signedOffAt() == null && review.reviewerId().equals(actor.id()));
    }
}
