package dev.safeguard.console.web;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.Workforce;
import dev.safeguard.records.EmergencyMode;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/emergency-mode}: the vault's emergency-mode switch (164.308(a)(7)(ii)(C)) for security officers, with
 * a reason and an explicit confirmation, and the history of every switch.
 */
@Controller
@RequestMapping("/admin/emergency-mode")
class EmergencyModePage {

    private final EmergencyMode mode;
    private final Workforce workforce;

    EmergencyModePage(EmergencyMode mode, Workforce workforce) {
        this.mode = mode;
        this.workforce = workforce;
    }

    @GetMapping
    String page(@RequestParam(required = false) String switched, Model model, HttpServletRequest request) {
        render(model, ConsoleRequest.actor(request));
        if (switched != null) {
            model.addAttribute("notice", "on".equals(switched) ? "Emergency mode is on: the vault is read-only."
                    : "Emergency mode is off: the vault accepts writes again.");
        }
        return "console/emergency-mode";
    }

    @PostMapping
    String switchTo(@RequestParam String active, @RequestParam(defaultValue = "") String reason,
                    @RequestParam(required = false) String confirm, Model model, HttpServletRequest request,
                    HttpServletResponse response, RedirectAttributes redirect) {
        Actor actor = ConsoleRequest.actor(request);
        boolean on = "true".equals(active);
        try {
            if (!"yes".equals(confirm)) {
                throw new ProblemException(ProblemKind.VALIDATION, on
                        ? "Confirm that every write to the vault will be refused until emergency mode ends"
                        : "Confirm that the vault will accept writes again");
            }
            mode.switchTo(actor, on, Problems.limited(reason, 1000, "reason"), ConsoleRequest.origin(request));
            redirect.addAttribute("switched", on ? "on" : "off");
            return "redirect:/admin/emergency-mode";
        } catch (ProblemException e) {
            Problems.show(model, response, e);
            model.addAttribute("reason", reason);
            render(model, actor);
            return "console/emergency-mode";
        }
    }

    private void render(Model model, Actor actor) {
        model.addAttribute("state", mode.state());
        model.addAttribute("history", mode.history(actor));
        model.addAttribute("usernames", ProgramPages.usernames(workforce));
    }
}
