package dev.safeguard.console.web;

import dev.safeguard.identity.Accounts;
import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.identity.UserView;
import dev.safeguard.shared.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
 * {@code /admin/users/{id}}, for security officers: one account and what can be done to it: set its roles, disable
 * or reactivate it, unlock its password, remove its authenticator. Each action redirects back with a fixed notice
 * (post/redirect/get); a refused action shows the page again with the reason. Termination has its own confirmation
 * page ({@link TerminationPage}).
 */
@Controller
@RequestMapping("/admin/users/{id}")
class UserPage {

    /** The notices a redirect may ask for; only these fixed texts can appear, never text from the query string. */
    static final Map<String, String> NOTICES = Map.of(
            "roles", "The roles were saved.",
            "disabled", "The account is disabled and its sessions ended.",
            "reactivated", "The account is active again.",
            "lockout-reset", "The password is unlocked and the failure count cleared.",
            "mfa-reset", "The authenticator was removed and the sessions ended; the user enrolls again at the next "
                    + "sign-in.",
            "terminated", "The account is terminated: every session ended and every API key it owned was revoked.");

    private final Accounts accounts;

    UserPage(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    String show(@PathVariable String id, @RequestParam(required = false) String done, Model model,
                HttpServletRequest request) {
        if (done != null && NOTICES.containsKey(done)) {
            model.addAttribute("notice", NOTICES.get(done));
        }
        return render(model, accounts.get(ConsoleRequest.actor(request), id));
    }

    @PostMapping("/roles")
    String roles(@PathVariable String id, @RequestParam(name = "roles", required = false) List<String> roles,
                 Model model, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        return act(id, "roles", model, request, response, redirect, (actor, origin) ->
                accounts.setRoles(actor, id, RoleChoices.parse(roles), origin));
    }

    @PostMapping("/disable")
    String disable(@PathVariable String id, Model model, HttpServletRequest request, HttpServletResponse response,
                   RedirectAttributes redirect) {
        return act(id, "disabled", model, request, response, redirect,
                (actor, origin) -> accounts.disable(actor, id, origin));
    }

    @PostMapping("/reactivate")
    String reactivate(@PathVariable String id, Model model, HttpServletRequest request, HttpServletResponse response,
                      RedirectAttributes redirect) {
        return act(id, "reactivated", model, request, response, redirect,
                (actor, origin) -> accounts.reactivate(actor, id, origin));
    }

    @PostMapping("/reset-lockout")
    String resetLockout(@PathVariable String id, Model model, HttpServletRequest request,
                        HttpServletResponse response, RedirectAttributes redirect) {
        return act(id, "lockout-reset", model, request, response, redirect,
                (actor, origin) -> accounts.resetLockout(actor, id, origin));
    }

    @PostMapping("/reset-mfa")
    String resetMfa(@PathVariable String id, Model model, HttpServletRequest request, HttpServletResponse response,
                    RedirectAttributes redirect) {
        return act(id, "mfa-reset", model, request, response, redirect,
                (actor, origin) -> accounts.resetMfa(actor, id, origin));
    }

    /** An account action by the signed-in officer. */
    interface Action {
        UserView apply(Actor actor, RequestOrigin origin);
    }

    private String act(String id, String notice, Model model, HttpServletRequest request,
                       HttpServletResponse response, RedirectAttributes redirect, Action action) {
        Actor actor = ConsoleRequest.actor(request);
        try {
            UserView user = action.apply(actor, ConsoleRequest.origin(request));
            redirect.addAttribute("done", notice);
            return "redirect:/admin/users/" + user.id();
        } catch (ProblemException e) {
            Problems.show(model, response, e);
            return render(model, accounts.get(actor, id));
        }
    }

    private static String render(Model model, UserView user) {
        model.addAttribute("user", user);
        model.addAttribute("roleOptions", RoleChoices.ALL);
        return "console/user";
    }
}
