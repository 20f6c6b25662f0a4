package dev.safeguard.console.web;

import dev.safeguard.identity.Accounts;
import dev.safeguard.identity.Actor;
import dev.safeguard.identity.UserView;
import dev.safeguard.shared.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/users}, for security officers: every workforce account with its status, roles, authenticator and
 * lockout state, and the form that creates an account. Creation redirects back (post/redirect/get), so a reload
 * cannot create the account twice; the initial password is never shown again.
 */
@Controller
@RequestMapping("/admin/users")
class UsersPage {

    private final Accounts accounts;

    UsersPage(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    String list(@RequestParam(required = false) String created, Model model, HttpServletRequest request) {
        List<UserView> users = render(model, request);
        if (created != null) {
            users.stream().filter(u -> u.id().equals(created)).findFirst().ifPresent(u -> model.addAttribute(
                    "notice", "Created " + u.username() + ". They sign in with the initial password, then enroll "
                            + "an authenticator."));
        }
        return "console/users";
    }

    @PostMapping
    String create(@RequestParam(defaultValue = "") String username,
                  @RequestParam(defaultValue = "") String displayName,
                  @RequestParam(defaultValue = "") String password,
                  @RequestParam(name = "roles", required = false) List<String> roles, Model model,
                  HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        Actor actor = ConsoleRequest.actor(request);
        try {
            UserView user = accounts.create(actor, Problems.limited(username.strip(), 64, "username"),
                    Problems.limited(displayName, 100, "name"), Problems.limited(password, 1024, "password"),
                    RoleChoices.parse(roles), ConsoleRequest.origin(request));
            redirect.addAttribute("created", user.id());
            return "redirect:/admin/users";
        } catch (ProblemException e) {
            Problems.show(model, response, e);
            model.addAttribute("username", username);
            model.addAttribute("displayName", displayName);
            model.addAttribute("checkedRoles", roles == null ? List.of() : roles);
            render(model, request);
            return "console/users";
        }
    }

    private List<UserView> render(Model model, HttpServletRequest request) {
        List<UserView> users = accounts.list(ConsoleRequest.actor(request));
        model.addAttribute("users", users);
        model.addAttribute("roleOptions", RoleChoices.ALL);
        if (!model.containsAttribute("checkedRoles")) {
            model.addAttribute("checkedRoles", List.of());
        }
        return users;
    }
}
