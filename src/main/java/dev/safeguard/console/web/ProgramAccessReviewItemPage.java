package dev.safeguard.console.web;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.Workforce;
import dev.safeguard.program.AccessReviewItem;
import dev.safeguard.program.AccessReviews;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
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
 * {@code /program/access-reviews/{id}/items/{itemId}}: one access-review item in full, and for officers the form
 * that names another reviewer while it is undecided (never the item's subject, and not by the subject).
 */
@Controller
@RequestMapping("/program/access-reviews/{campaignId}/items/{itemId}")
class ProgramAccessReviewItemPage {

    private final AccessReviews reviews;
    private final Workforce workforce;

    ProgramAccessReviewItemPage(AccessReviews reviews, Workforce workforce) {
        this.reviews = reviews;
        this.workforce = workforce;
    }

    @GetMapping
    String item(@PathVariable String campaignId, @PathVariable String itemId,
                @RequestParam(required = false) String reassigned, Model model, HttpServletRequest request) {
        render(model, ConsoleRequest.actor(request), campaignId, itemId);
        if (reassigned != null) {
            model.addAttribute("notice", "Reassigned; the item now appears under the new reviewer's My access "
                    + "reviews.");
        }
        return "console/program-access-review-item";
    }

    @PostMapping("/reviewer")
    String reassign(@PathVariable String campaignId, @PathVariable String itemId,
                    @RequestParam(defaultValue = "") String reviewerId, Model model, HttpServletRequest request,
                    HttpServletResponse response, RedirectAttributes redirect) {
        Actor actor = ConsoleRequest.actor(request);
        try {
            render(model, actor, campaignId, itemId);
            reviews.reassign(actor, itemId, reviewerId, ConsoleRequest.origin(request));
            redirect.addAttribute("reassigned", "1");
            return "redirect:/program/access-reviews/" + campaignId + "/items/" + itemId;
        } catch (ProblemException e) {
            Problems.show(model, response, e);
            render(model, actor, campaignId, itemId);
            return "console/program-access-review-item";
        }
    }

    private void render(Model model, Actor actor, String campaignId, String itemId) {
        AccessReviewItem item = reviews.item(actor, itemId);
        if (!item.campaignId().equals(campaignId)) {
            throw new ProblemException(ProblemKind.NOT_FOUND, "No item " + itemId + " in campaign " + campaignId);
        }
        AccessReviewRows rows = new AccessReviewRows(workforce);
        model.addAttribute("r", rows.of(item));
        model.addAttribute("campaign", reviews.get(actor, campaignId));
        model.addAttribute("reassignedBy", rows.username(item.reassignedBy()));
        model.addAttribute("decidedBy", rows.username(item.decidedBy()));
        model.addAttribute("candidates", ProgramPages.activeMembers(workforce).stream()
                .filter(m -> !m.id().equals(item.subjectUserId()) && !m.id().equals(item.reviewerId())).toList());
        model.addAttribute("mayReassign", ProgramPages.writes(actor) && !item.decided()
                && !"completed".equals(item.campaignStatus()) && !actor.id().equals(item.subjectUserId()));
        model.addAttribute("when", new MyAccessReviewsPage.Text(false));
    }
}
