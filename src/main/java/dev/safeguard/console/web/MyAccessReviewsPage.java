package dev.safeguard.console.web;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.EntitlementChanges;
import dev.safeguard.identity.Role;
import dev.safeguard.identity.Workforce;
import dev.safeguard.program.AccessReviewChange;
import dev.safeguard.program.AccessReviewDecision;
import dev.safeguard.program.AccessReviewDecisions;
import dev.safeguard.program.AccessReviewItem;
import dev.safeguard.shared.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /me/access-reviews}, for every signed-in workforce user: the access-review items assigned to them, each with
 * a decision form (keep, revoke or modify, with a comment), and what they decided. Works without JavaScript.
 */
@Controller
@RequestMapping("/me/access-reviews")
class MyAccessReviewsPage {

    private final AccessReviewDecisions decisions;
    private final Workforce workforce;

    MyAccessReviewsPage(AccessReviewDecisions decisions, Workforce workforce) {
        this.decisions = decisions;
        this.workforce = workforce;
    }

    @GetMapping
    String list(@RequestParam(required = false) String decided, Model model, HttpServletRequest request) {
        render(model, ConsoleRequest.actor(request));
        if (decided != null) {
            model.addAttribute("notice", "Decision recorded; a revocation or modification is already in effect.");
            model.addAttribute("decidedId", decided);
        }
        return "console/me-access-reviews";
    }

    @PostMapping("/{itemId}/decision")
    String decide(@PathVariable String itemId, @RequestParam(defaultValue = "") String decision,
                  @RequestParam(defaultValue = "") String comment, @RequestParam(defaultValue = "") String role,
                  @RequestParam(defaultValue = "") String endsOn, @RequestParam(defaultValue = "") String expiresOn,
                  @RequestParam(required = false) List<String> scopes, @RequestParam(required = false) String kind,
                  Model model, HttpServletRequest request, HttpServletResponse response,
                  RedirectAttributes redirect) {
        Actor actor = ConsoleRequest.actor(request);
        try {
            Problems.limited(comment, 4000, "comment");
            AccessReviewChange change = "modify".equals(decision.strip()) ? change(kind, role, endsOn, expiresOn,
                    scopes) : null;
            decisions.decide(actor, itemId, new AccessReviewDecision(decision, comment, change),
                    ConsoleRequest.origin(request));
            redirect.addAttribute("decided", itemId);
            return "redirect:/me/access-reviews";
        } catch (ProblemException e) {
            Problems.show(model, response, e);
            model.addAttribute("failedId", itemId);
            model.addAttribute("form", Map.of("decision", decision, "comment", comment));
            render(model, actor);
            return "console/me-access-reviews";
        }
    }

    /** Only the fields of the item's kind count; the form shows them all, so the others arrive empty or checked. */
    private static AccessReviewChange change(String kind, String role, String endsOn, String expiresOn,
                                             List<String> scopes) {
        if (AccessReviewItem.ROLE.equals(kind)) {
            return new AccessReviewChange(role.isBlank() ? null : role, null, null, null);
        }
        if (AccessReviewItem.CARE_TEAM.equals(kind)) {
            return new AccessReviewChange(null, AccessReviewRows.startOfDay(endsOn, "new end"), null, null);
        }
        Instant expiry = AccessReviewRows.startOfDay(expiresOn, "new expiry");
        return new AccessReviewChange(null, null, expiry, scopes == null ? List.of() : scopes);
    }

    private void render(Model model, Actor actor) {
        List<AccessReviewItem> mine = decisions.mine(actor, true);
        AccessReviewRows rows = new AccessReviewRows(workforce);
        model.addAttribute("open", rows.of(mine.stream().filter(i -> !i.decided()
                && !"completed".equals(i.campaignStatus())).toList()));
        model.addAttribute("decided", rows.of(mine.stream().filter(AccessReviewItem::decided).limit(200).toList()));
        model.addAttribute("text", new Text(actor.has(Role.SECURITY_OFFICER)));
    }

    /** Formatting and choices for the template. */
    static final class Text {
        private final boolean securityOfficer;

        Text(boolean securityOfficer) {
            this.securityOfficer = securityOfficer;
        }

        public String when(Instant instant) {
            return AccessReviewRows.formatted(instant);
        }

        /**
         * The roles this reviewer may put in place of the item's role: any other for a security officer, else only
         * the narrower ones (an access review grants nothing the reviewer could not).
         */
        public List<String> replacements(AccessReviewItem item) {
            Role current = Role.fromId(item.role()).orElseThrow();
            return Arrays.stream(Role.values()).filter(r -> r != current && (securityOfficer
                    || EntitlementChanges.NARROWER.getOrDefault(current, java.util.Set.of()).contains(r)))
                    .map(Role::id).toList();
        }
    }
}
