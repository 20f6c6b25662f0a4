package dev.safeguard.console.web;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.Workforce;
import dev.safeguard.program.ControlChange;
import dev.safeguard.program.Controls;
import dev.safeguard.program.DecisionDraft;
import dev.safeguard.program.Evidence;
import dev.safeguard.shared.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * {@code /program/controls/{id}}: one specification's control with every version, its 164.306(d) decision records,
 * its evidence, and (for security and compliance officers) forms to record a new version or a decision.
 */
@Controller
@RequestMapping("/program/controls/{id}")
class ProgramControlPage {

    private final Controls controls;
    private final Evidence evidence;
    private final Workforce workforce;

    ProgramControlPage(Controls controls, Evidence evidence, Workforce workforce) {
        this.controls = controls;
        this.evidence = evidence;
        this.workforce = workforce;
    }

    @GetMapping
    String show(@PathVariable String id, @RequestParam(required = false) String saved, Model model,
                HttpServletRequest request) {
        if (saved != null) {
            model.addAttribute("notice", "decision".equals(saved) ? "Decision recorded." : "New version recorded.");
        }
        render(id, model, ConsoleRequest.actor(request));
        return "console/program-control";
    }

    @PostMapping("/versions")
    String version(@PathVariable String id, @RequestParam(defaultValue = "") String status,
                   @RequestParam(defaultValue = "") String notApplicableReason,
                   @RequestParam(defaultValue = "") String ownerId, @RequestParam(defaultValue = "") String implementation,
                   @RequestParam(defaultValue = "") String evidenceIds,
                   @RequestParam(defaultValue = "") String nextReviewOn,
                   @RequestParam(required = false) Integer baseVersion, Model model, HttpServletRequest request,
                   HttpServletResponse response, RedirectAttributes redirect) {
        Actor actor = ConsoleRequest.actor(request);
        try {
            controls.update(actor, id, new ControlChange(status, notApplicableReason, ownerId,
                    Problems.limited(implementation, 10_000, "implementation description"),
                    ProgramPages.ids(evidenceIds), ProgramPages.date(nextReviewOn, "next review date"), baseVersion,
                    null), ConsoleRequest.origin(request));
            return saved(id, "version", redirect);
        } catch (ProblemException e) {
            Problems.show(model, response, e);
            model.addAttribute("versionForm", Map.of("status", status, "notApplicableReason", notApplicableReason,
                    "ownerId", ownerId, "implementation", implementation, "evidenceIds", evidenceIds,
                    "nextReviewOn", nextReviewOn));
            render(id, model, actor);
            return "console/program-control";
        }
    }

    @PostMapping("/decisions")
    String decision(@PathVariable String id, @RequestParam(defaultValue = "") String decision,
                    @RequestParam(defaultValue = "") String rationale, @RequestParam(defaultValue = "") String alternative,
                    @RequestParam(defaultValue = "") String approverId, @RequestParam(defaultValue = "") String decidedOn,
                    Model model, HttpServletRequest request, HttpServletResponse response,
                    RedirectAttributes redirect) {
        Actor actor = ConsoleRequest.actor(request);
        try {
            controls.decide(actor, id, new DecisionDraft(decision, rationale, alternative, approverId,
                    ProgramPages.date(decidedOn, "decision date")), ConsoleRequest.origin(request));
            return saved(id, "decision", redirect);
        } catch (ProblemException e) {
            Problems.show(model, response, e);
            model.addAttribute("decisionForm", Map.of("decision", decision, "rationale", rationale,
                    "alternative", alternative, "approverId", approverId, "decidedOn", decidedOn));
            render(id, model, actor);
            return "console/program-control";
        }
    }

    private static String saved(String id, String what, RedirectAttributes redirect) {
        redirect.addAttribute("saved", what);
        return "redirect:/program/controls/" + UriUtils.encodePathSegment(id, java.nio.charset.StandardCharsets.UTF_8);
    }

    private void render(String id, Model model, Actor actor) {
        var control = controls.get(actor, id);
        model.addAttribute("control", control);
        model.addAttribute("versions", controls.history(actor, id));
        model.addAttribute("decisions", controls.decisions(actor, id));
        model.addAttribute("evidence", evidence.list(actor, control.specification().id(), true));
        model.addAttribute("usernames", ProgramPages.usernames(workforce));
        model.addAttribute("members", ProgramPages.activeMembers(workforce));
        model.addAttribute("approvers", ProgramPages.approvers(workforce));
        if (!model.containsAttribute("versionForm")) {
            var current = control.current();
            model.addAttribute("versionForm", Map.of("status", current.status(),
                    "notApplicableReason", current.notApplicableReason() == null ? "" : current.notApplicableReason(),
                    "ownerId", current.ownerId() == null ? "" : current.ownerId(),
                    "implementation", current.implementation() == null ? "" : current.implementation(),
                    "evidenceIds", String.join(" ", current.evidenceIds()),
                    "nextReviewOn", current.nextReviewOn() == null ? "" : current.nextReviewOn().toString()));
        }
        if (!model.containsAttribute("decisionForm")) {
            model.addAttribute("decisionForm", Map.of("decision", "", "rationale", "", "alternative", "",
                    "approverId", "", "decidedOn", ""));
        }
    }
}
