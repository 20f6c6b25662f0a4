package dev.safeguard.console.web;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.Workforce;
import dev.safeguard.program.Policies;
import dev.safeguard.program.PolicyAcknowledgments;
import dev.safeguard.program.PolicyDetail;
import dev.safeguard.program.PolicyVersion;
import dev.safeguard.program.PolicyVersions;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /program/policies/{id}}: one policy with the version in force rendered, its history of versions, reviews and
 * acknowledgment coverage; officers change what describes it, record a review or start a new version.
 */
@Controller
@RequestMapping("/program/policies/{id}")
class ProgramPolicyPage {

    private final Policies policies;
    private final PolicyVersions versions;
    private final PolicyAcknowledgments acknowledgments;
    private final Workforce workforce;

    ProgramPolicyPage(Policies policies, PolicyVersions versions, PolicyAcknowledgments acknowledgments,
                      Workforce workforce) {
        this.policies = policies;
        this.versions = versions;
        this.acknowledgments = acknowledgments;
        this.workforce = workforce;
    }

    @GetMapping
    String page(@PathVariable String id, @RequestParam(required = false) String created,
                @RequestParam(required = false) String saved, @RequestParam(required = false) String reviewed,
                Model model, HttpServletRequest request) {
        render(model, ConsoleRequest.actor(request), id);
        if (created != null) {
            model.addAttribute("notice", "Policy created with a draft version 1. Edit it, then ask another officer "
                    + "to approve it.");
        } else if (saved != null) {
            model.addAttribute("notice", "Saved.");
        } else if (reviewed != null) {
            model.addAttribute("notice", "Review recorded as signed evidence; the next review date moved.");
        }
        return "console/program-policy";
    }

    @PostMapping
    String update(@PathVariable String id, @RequestParam(defaultValue = "") String title,
                  @RequestParam(defaultValue = "") String ownerId, @RequestParam(defaultValue = "") String citations,
                  @RequestParam(defaultValue = "") String reviewMonths,
                  @RequestParam(required = false) String acknowledgmentRequired, Model model,
                  HttpServletRequest request, HttpServletResponse response) {
        Actor actor = ConsoleRequest.actor(request);
        try {
            policies.update(actor, id, Problems.limited(title, 400, "title"), ownerId, ProgramPages.ids(citations),
                    months(reviewMonths), acknowledgmentRequired != null, ConsoleRequest.origin(request));
            return "redirect:/program/policies/" + id + "?saved";
        } catch (ProblemException e) {
            return refused(model, response, e, actor, id);
        }
    }

    @PostMapping("/reviews")
    String review(@PathVariable String id, @RequestParam(defaultValue = "") String outcome,
                  @RequestParam(defaultValue = "") String notes, Model model, HttpServletRequest request,
                  HttpServletResponse response) {
        Actor actor = ConsoleRequest.actor(request);
        try {
            policies.review(actor, id, outcome, Problems.limited(notes, 8000, "notes"), ConsoleRequest.origin(request));
            return "redirect:/program/policies/" + id + "?reviewed";
        } catch (ProblemException e) {
            model.addAttribute("notes", notes);
            return refused(model, response, e, actor, id);
        }
    }

    @PostMapping("/versions")
    String start(@PathVariable String id, @RequestParam(defaultValue = "") String changeSummary, Model model,
                 HttpServletRequest request, HttpServletResponse response) {
        Actor actor = ConsoleRequest.actor(request);
        try {
            PolicyVersion draft = versions.start(actor, id, null, Problems.limited(changeSummary, 1000,
                    "change summary"), ConsoleRequest.origin(request));
            return "redirect:/program/policies/" + id + "/versions/" + draft.version() + "?started";
        } catch (ProblemException e) {
            return refused(model, response, e, actor, id);
        }
    }

    /** A review cadence from a form field: whole months. */
    static Integer months(String value) {
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new ProblemException(ProblemKind.VALIDATION, "Enter the review cadence in whole months (1 to 36)");
        }
    }

    private String refused(Model model, HttpServletResponse response, ProblemException e, Actor actor, String id) {
        if (e.kind() == ProblemKind.NOT_FOUND) {
            throw e;
        }
        Problems.show(model, response, e);
        render(model, actor, id);
        return "console/program-policy";
    }

    private void render(Model model, Actor actor, String id) {
        PolicyDetail detail = policies.get(actor, id);
        model.addAttribute("detail", detail);
        model.addAttribute("p", detail.policy());
        model.addAttribute("inForce", detail.versions().stream().filter(v -> v.state().equals(PolicyVersion.EFFECTIVE))
                .findFirst().orElse(null));
        model.addAttribute("acknowledgments", detail.policy().effectiveVersion() == null ? List.of()
                : acknowledgments.of(actor, id, detail.policy().effectiveVersion()));
        model.addAttribute("members", ProgramPages.activeMembers(workforce));
        model.addAttribute("usernames", ProgramPages.usernames(workforce));
    }
}
