package dev.safeguard.console.web;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.Workforce;
import dev.safeguard.program.Policies;
import dev.safeguard.program.PolicyVersion;
import dev.safeguard.program.PolicyVersions;
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

/**
 * {@code /program/policies/{id}/versions/{n}}: one version rendered, with what its state allows: edit a draft,
 * approve it (another officer), make an approved version effective on a date, delete a version whose retention ended.
 */
@Controller
@RequestMapping("/program/policies/{id}/versions/{n}")
class ProgramPolicyVersionPage {

    private final Policies policies;
    private final PolicyVersions versions;
    private final Workforce workforce;

    ProgramPolicyVersionPage(Policies policies, PolicyVersions versions, Workforce workforce) {
        this.policies = policies;
        this.versions = versions;
        this.workforce = workforce;
    }

    @GetMapping
    String page(@PathVariable String id, @PathVariable int n, @RequestParam(required = false) String done,
                @RequestParam(required = false) String started, Model model, HttpServletRequest request) {
        render(model, ConsoleRequest.actor(request), id, n);
        if (started != null) {
            model.addAttribute("notice", "New draft started from the text in force.");
        } else if (done != null) {
            model.addAttribute("notice", switch (done) {
                case "edited" -> "Draft saved.";
                case "approved" -> "Approved; the approval is recorded as signed evidence.";
                case "effective" -> "Made effective; the previous version is superseded and everyone is asked to "
                        + "acknowledge this one.";
                case "scheduled" -> "Scheduled: it takes effect on its effective date.";
                default -> "Done.";
            });
        }
        return "console/program-policy-version";
    }

    @PostMapping
    String edit(@PathVariable String id, @PathVariable int n, @RequestParam(defaultValue = "") String markdown,
                @RequestParam(defaultValue = "") String changeSummary,
                @RequestParam(defaultValue = "") String baseSha256, Model model, HttpServletRequest request,
                HttpServletResponse response) {
        Actor actor = ConsoleRequest.actor(request);
        try {
            versions.edit(actor, id, n, Problems.limited(markdown, 200_000, "text"), Problems.limited(changeSummary,
                    1000, "change summary"), baseSha256, ConsoleRequest.origin(request));
            return done(id, n, "edited");
        } catch (ProblemException e) {
            model.addAttribute("draftText", markdown);
            return refused(model, response, e, actor, id, n);
        }
    }

    @PostMapping("/approval")
    String approve(@PathVariable String id, @PathVariable int n, @RequestParam(defaultValue = "") String note,
                   Model model, HttpServletRequest request, HttpServletResponse response) {
        Actor actor = ConsoleRequest.actor(request);
        try {
            versions.approve(actor, id, n, Problems.limited(note, 4000, "note"), ConsoleRequest.origin(request));
            return done(id, n, "approved");
        } catch (ProblemException e) {
            return refused(model, response, e, actor, id, n);
        }
    }

    @PostMapping("/effective")
    String effective(@PathVariable String id, @PathVariable int n, @RequestParam(defaultValue = "") String effectiveOn,
                     Model model, HttpServletRequest request, HttpServletResponse response) {
        Actor actor = ConsoleRequest.actor(request);
        try {
            PolicyVersion v = versions.makeEffective(actor, id, n, ProgramPages.date(effectiveOn, "effective date"),
                    ConsoleRequest.origin(request));
            return done(id, n, v.state().equals(PolicyVersion.EFFECTIVE) ? "effective" : "scheduled");
        } catch (ProblemException e) {
            return refused(model, response, e, actor, id, n);
        }
    }

    @PostMapping("/deletion")
    String delete(@PathVariable String id, @PathVariable int n, @RequestParam(required = false) String confirm,
                  Model model, HttpServletRequest request, HttpServletResponse response) {
        Actor actor = ConsoleRequest.actor(request);
        try {
            if (!"yes".equals(confirm)) {
                throw new ProblemException(ProblemKind.VALIDATION, "Confirm that version " + n + " is deleted for "
                        + "good");
            }
            versions.delete(actor, id, n, ConsoleRequest.origin(request));
            return "redirect:/program/policies/" + id + "?saved";
        } catch (ProblemException e) {
            return refused(model, response, e, actor, id, n);
        }
    }

    private static String done(String id, int n, String what) {
        return "redirect:/program/policies/" + id + "/versions/" + n + "?done=" + what;
    }

    private String refused(Model model, HttpServletResponse response, ProblemException e, Actor actor, String id,
                           int n) {
        if (e.kind() == ProblemKind.NOT_FOUND) {
            throw e;
        }
        Problems.show(model, response, e);
        render(model, actor, id, n);
        return "console/program-policy-version";
    }

    private void render(Model model, Actor actor, String id, int n) {
        PolicyVersion v = versions.get(actor, id, n);
        model.addAttribute("p", policies.get(actor, id).policy());
        model.addAttribute("v", v);
        if (!model.containsAttribute("draftText")) {
            model.addAttribute("draftText", v.markdown());
        }
        model.addAttribute("mayApprove", v.state().equals(PolicyVersion.DRAFT) && !actor.id().equals(v.createdBy())
                && !actor.id().equals(v.editedBy()));
        model.addAttribute("usernames", ProgramPages.usernames(workforce));
    }
}
