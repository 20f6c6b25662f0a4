package dev.safeguard.console.web;

import dev.safeguard.identity.Accounts;
import dev.safeguard.identity.Actor;
import dev.safeguard.identity.UserView;
import dev.safeguard.shared.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/users/{id}/terminate}, for security officers: termination (45 CFR 164.308(a)(3)(ii)(C)) asks for
 * confirmation first, because it cannot be undone: the account's sessions end and its API keys are revoked at once.
 */
@Controller
@RequestMapping("/admin/users/{id}/terminate")
class TerminationPage {

    private final Accounts accounts;

    TerminationPage(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    String confirm(@PathVariable String id, Model model, HttpServletRequest request) {
        model.addAttribute("user", accounts.get(ConsoleRequest.actor(request), id));
        return "console/terminate";
    }

    @PostMapping
    String terminate(@PathVariable String id, Model model, HttpServletRequest request, HttpServletResponse response,
                     RedirectAttributes redirect) {
        Actor actor = ConsoleRequest.actor(request);
        try {
            UserView user = accounts.terminate(actor, id, ConsoleRequest.origin(request));
            redirect.addAttribute("done", "terminated");
            return "redirect:/admin/users/" + user.id();
        } catch (ProblemException e) {
            Problems.show(model, response, e);
            model.addAttribute("user", accounts.get(actor, id));
            return "console/terminate";
        }
    }
}
