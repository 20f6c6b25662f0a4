package dev.safeguard.console.web;

import dev.safeguard.identity.FirstRunSetup;
import dev.safeguard.shared.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /setup}: creates the first user, the security official, with the one-time token the server printed. Once
 * any user exists the page only says so and points to sign-in. The token and password are never echoed back.
 */
@Controller
class SetupPage {

    private final FirstRunSetup setup;

    SetupPage(FirstRunSetup setup) {
        this.setup = setup;
    }

    @GetMapping("/setup")
    String form(Model model) {
        model.addAttribute("needed", setup.needed());
        return "console/setup";
    }

    @PostMapping("/setup")
    String complete(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String username,
                    @RequestParam(defaultValue = "") String displayName,
                    @RequestParam(defaultValue = "") String password, Model model, HttpServletRequest request,
                    HttpServletResponse response) {
        try {
            setup.complete(Problems.limited(token.strip(), 100, "setup token"),
                    Problems.limited(username.strip(), 64, "username"), Problems.limited(displayName, 100, "name"),
                    Problems.limited(password, 1024, "password"), ConsoleRequest.origin(request));
            return "redirect:/login?created";
        } catch (ProblemException e) {
            Problems.show(model, response, e);
            model.addAttribute("needed", setup.needed());
            model.addAttribute("username", username);
            model.addAttribute("displayName", displayName);
            return "console/setup";
        }
    }
}
