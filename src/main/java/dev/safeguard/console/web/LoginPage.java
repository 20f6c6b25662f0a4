package dev.safeguard.console.web;

import dev.safeguard.identity.FirstRunSetup;
import dev.safeguard.identity.SessionCookies;
import dev.safeguard.identity.SessionTicket;
import dev.safeguard.identity.SignIn;
import dev.safeguard.shared.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /login}: step one of sign-in, the password. Success replaces any presented session with a new one that can
 * only complete sign-in, and sends the browser to the second factor or to authenticator enrollment. Every failure
 * shows the same message (the service makes them indistinguishable); throttling shows how long to wait.
 */
@Controller
class LoginPage {

    private final SignIn signIn;
    private final FirstRunSetup setup;

    LoginPage(SignIn signIn, FirstRunSetup setup) {
        this.signIn = signIn;
        this.setup = setup;
    }

    @GetMapping("/login")
    String form(HttpServletRequest request, Model model) {
        model.addAttribute("expired", request.getParameter("expired") != null);
        model.addAttribute("signedOut", request.getParameter("signed-out") != null);
        model.addAttribute("created", request.getParameter("created") != null);
        model.addAttribute("setupNeeded", setup.needed());
        return "console/login";
    }

    @PostMapping("/login")
    String signIn(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String password,
                  Model model, HttpServletRequest request, HttpServletResponse response) {
        try {
            SessionTicket ticket = signIn.password(Problems.limited(username.strip(), 64, "username"),
                    Problems.limited(password, 1024, "password"), SessionCookies.read(request),
                    ConsoleRequest.origin(request));
            SessionCookies.write(response, ticket);
            return "redirect:" + ConsoleRequest.placeOf(ticket.stage());
        } catch (ProblemException e) {
            Problems.show(model, response, e);
            model.addAttribute("username", username);
            model.addAttribute("setupNeeded", false);
            return "console/login";
        }
    }
}
