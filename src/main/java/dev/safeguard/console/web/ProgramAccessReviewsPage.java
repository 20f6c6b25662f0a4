package dev.safeguard.console.web;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.Workforce;
import dev.safeguard.program.AccessReviewCampaign;
import dev.safeguard.program.AccessReviewItemPage;
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
 * {@code /program/access-reviews}: access-review campaigns (164.308(a)(4)(ii)(B), (C)) with their progress, starting
 * one now, and a campaign's items with their last activity, unused flags, reviewers and decisions, filtered and paged.
 * Auditors read; officers start campaigns and reassign items ({@link ProgramAccessReviewItemPage}).
 */
@Controller
@RequestMapping("/program/access-reviews")
class ProgramAccessReviewsPage {

    static final int PAGE_SIZE = 100;

    private final AccessReviews reviews;
    private final Workforce workforce;

    ProgramAccessReviewsPage(AccessReviews reviews, Workforce workforce) {
        this.reviews = reviews;
        this.workforce = workforce;
    }

    @GetMapping
    String list(@RequestParam(required = false) String status, Model model, HttpServletRequest request,
                HttpServletResponse response) {
        Actor actor = ConsoleRequest.actor(request);
        try {
            model.addAttribute("campaigns", reviews.list(actor, status));
        } catch (ProblemException e) {
            Problems.show(model, response, e);
            model.addAttribute("campaigns", reviews.list(actor, null));
        }
        return "console/program-access-reviews";
    }

    @PostMapping("/start")
    String start(@RequestParam(defaultValue = "") String dueInDays, Model model, HttpServletRequest request,
                 HttpServletResponse response, RedirectAttributes redirect) {
        Actor actor = ConsoleRequest.actor(request);
        try {
            AccessReviewCampaign started = reviews.start(actor, days(dueInDays), ConsoleRequest.origin(request));
            redirect.addAttribute("started", "1");
            return "redirect:/program/access-reviews/" + started.id();
        } catch (ProblemException e) {
            Problems.show(model, response, e);
            model.addAttribute("dueInDays", dueInDays);
            model.addAttribute("campaigns", reviews.list(actor, null));
            return "console/program-access-reviews";
        }
    }

    @GetMapping("/{id}")
    String campaign(@PathVariable String id, @RequestParam(required = false) String state,
                    @RequestParam(required = false) String kind, @RequestParam(required = false) String unused,
                    @RequestParam(required = false) String reviewer, @RequestParam(defaultValue = "0") int page,
                    @RequestParam(required = false) String started, Model model, HttpServletRequest request,
                    HttpServletResponse response) {
        Actor actor = ConsoleRequest.actor(request);
        AccessReviewCampaign campaign = reviews.get(actor, id);
        model.addAttribute("campaign", campaign);
        AccessReviewItemPage items;
        try {
            items = reviews.items(actor, id, reviewer, state, unused == null ? null : true, kind, page, PAGE_SIZE);
        } catch (ProblemException e) {
            Problems.show(model, response, e);
            items = reviews.items(actor, id, null, null, null, null, 0, PAGE_SIZE);
        }
        AccessReviewRows rows = new AccessReviewRows(workforce);
        model.addAttribute("items", rows.of(items.items()));
        model.addAttribute("page", items);
        model.addAttribute("filter", new Filter(state, kind, unused != null, reviewer));
        model.addAttribute("reviewers", ProgramPages.activeMembers(workforce));
        model.addAttribute("openedBy", campaign.openedBy() == null ? null : rows.username(campaign.openedBy()));
        if (started != null) {
            model.addAttribute("notice", "Campaign started: every entitlement in force is listed below, and each "
                    + "reviewer finds their items under My access reviews.");
        }
        return "console/program-access-review";
    }

    /** The filters as the form shows them again, and as the page links carry them. */
    record Filter(String state, String kind, boolean unused, String reviewer) {
        public String query(int page) {
            StringBuilder q = new StringBuilder("?page=").append(page);
            append(q, "state", state);
            append(q, "kind", kind);
            append(q, "reviewer", reviewer);
            if (unused) {
                q.append("&unused=1");
            }
            return q.toString();
        }

        private static void append(StringBuilder q, String name, String value) {
            if (value != null && !value.isBlank()) {
                q.append('&').append(name).append('=').append(java.net.URLEncoder.encode(value,
                        java.nio.charset.StandardCharsets.UTF_8));
            }
        }
    }

    private static Integer days(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new ProblemException(ProblemKind.VALIDATION, "Enter the days until the campaign is due as a whole "
                    + "number from 1 to 92");
        }
    }
}
