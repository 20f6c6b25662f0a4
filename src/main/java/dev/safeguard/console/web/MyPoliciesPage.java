package dev.safeguard.console.web;

import dev.safeguard.identity.Actor;
import dev.safeguard.program.MyPolicy;
import dev.safeguard.program.PolicyAcknowledgments;
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
 * {@code /me/policies}: every signed-in user's policies in force, to read and acknowledge (164.316(b)(2)(ii)). A user
 * sees and acknowledges for themselves only.
 */
@Controller
@RequestMapping("/me/policies")
class MyPoliciesPage {

    private final PolicyAcknowledgments acknowledgments;

    MyPoliciesPage(PolicyAcknowledgments acknowledgments) {
        this.acknowledgments = acknowledgments;
    }

    @GetMapping
    String list(Model model, HttpServletRequest request) {
        model.addAttribute("policies", acknowledgments.mine(ConsoleRequest.actor(request)));
        return "console/my-policies";
    }

    @GetMapping("/{id}")
    String read(@PathVariable String id, @RequestParam(required = false) String acknowledged, Model model,
                HttpServletRequest request) {
        render(model, acknowledgments.mine(ConsoleRequest.actor(request), id));
        if (acknowledged != null) {
            model.addAttribute("notice", "Acknowledged. Thank you.");
        }
        return "console/my-policy";
    }

    @PostMapping("/{id}/acknowledgment")
    String acknowledge(@PathVariable String id, @RequestParam(defaultValue = "0") int version,
                       @RequestParam(required = false) String understood, Model model, HttpServletRequest request,
                       HttpServletResponse response, RedirectAttributes redirect) {
        Actor actor = ConsoleRequest.actor(request);
        try {
            if (!"yes".equals(understood)) {
                throw new ProblemException(ProblemKind.VALIDATION, "Tick the box to confirm you read and understood "
                        + "this policy");
            }
            acknowledgments.acknowledge(actor, id, version, ConsoleRequest.origin(request));
            redirect.addAttribute("acknowledged", "1");
            return "redirect:/me/policies/" + id;
        } catch (ProblemException e) {
            if (e.kind() == ProblemKind.NOT_FOUND) {
                throw e;
            }
            Problems.show(model, response, e);
            render(model, acknowledgments.mine(actor, id));
            return "console/my-policy";
        }
    }

    private static void render(Model model, MyPolicy policy) {
        model.addAttribute("policy", policy);
    }
}
