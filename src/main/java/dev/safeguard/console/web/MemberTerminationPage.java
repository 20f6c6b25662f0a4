package dev.safeguard.console.web;

import dev.safeguard.identity.Actor;
import dev.safeguard.program.Termination;
import dev.safeguard.program.Terminations;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
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

/**
 * {@code /program/workforce/{id}/terminate}: the confirmation step of a termination (164.308(a)(3)(ii)(C)). It lists
 * exactly what will be revoked — every account, session, API key, care-team assignment and break-glass grant — and
 * asks for the effective time, the reason and an explicit confirmation; then it shows the record with its latency.
 */
@Controller
@RequestMapping("/program/workforce/{id}/terminate")
class MemberTerminationPage {

    private final Terminations terminations;

    MemberTerminationPage(Terminations terminations) {
        this.terminations = terminations;
    }

    @GetMapping
    String confirm(@PathVariable String id, Model model, HttpServletRequest request) {
        render(model, ConsoleRequest.actor(request), id);
        return "console/program-terminate";
    }

    @PostMapping
    String terminate(@PathVariable String id, @RequestParam(defaultValue = "") String effectiveAt,
                     @RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "") String notes,
                     @RequestParam(defaultValue = "") String confirm, Model model, HttpServletRequest request,
                     HttpServletResponse response) {
        Actor actor = ConsoleRequest.actor(request);
        try {
            if (!"yes".equals(confirm)) {
                throw new ProblemException(ProblemKind.VALIDATION, "Tick the confirmation: a termination cannot be "
                        + "undone once carried out");
            }
            Termination t = terminations.terminate(actor, id, CareTeamPage.time(effectiveAt, "effective time"),
                    reason, Problems.limited(notes, 4000, "notes"), ConsoleRequest.origin(request));
            return "redirect:/program/terminations/" + t.id();
        } catch (ProblemException e) {
            Problems.show(model, response, e);
            model.addAttribute("form", Map.of("effectiveAt", effectiveAt, "reason", reason, "notes", notes));
            render(model, actor, id);
            return "console/program-terminate";
        }
    }

    private void render(Model model, Actor actor, String id) {
        model.addAttribute("preview", terminations.preview(actor, id));
        model.addAttribute("reasons", Termination.REASONS);
        model.addAttribute("target", Termination.TARGET.toMinutes());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of("effectiveAt", "", "reason", "", "notes", ""));
        }
    }
}
